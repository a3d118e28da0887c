using FundManager.Donors;

namespace FundManager.Reporting.Figures;

/// <summary>
/// What one donor contributed to the fund in a period, in one currency: revenue recognised (agreements signed or
/// amended, less cancellations, in USD), money received (in the currency and in USD at the day's rate), and the
/// exchange differences realised. Dates are the first and last of the donor's agreements and receipts in the period.
/// </summary>
public sealed record DonorContribution(
    Guid Donor,
    string Name,
    DonorType Type,
    string Currency,
    decimal Revenue,
    decimal ReceivedInCurrency,
    decimal ReceivedUsd,
    decimal ExchangeDifferences,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    bool MultiYear);
