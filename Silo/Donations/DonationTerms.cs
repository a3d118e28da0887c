using FundManager.Pledges;

namespace FundManager.Donations;

/// <summary>
/// An online gift as asked for: the fund, the amount and currency (each month, for a monthly gift), the earmark, the
/// pledge it pays when it names one, and the donor when the giver is signed in (else a donor is found or registered from
/// the checkout's details when it is paid).
/// </summary>
[Immutable]
public sealed record DonationTerms(
    string Fund,
    decimal Amount,
    string Currency,
    DonationFrequency Frequency,
    EarmarkKind Earmark = EarmarkKind.Unearmarked,
    string? EarmarkTarget = null,
    Guid? Pledge = null,
    Guid? Donor = null);
