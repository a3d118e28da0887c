using FundManager.Donors;

namespace FundManager.Reporting.Utilisation;

/// <summary>
/// A donor's utilisation statement for a period: what it gave, how that money was applied (README, "Donor utilisation"),
/// and the grants, countries and UPR recommendations it supported, with their outcomes. Every applied amount is the
/// donor's part of an attribution that adds up, across all donors, to what each fund spent.
/// </summary>
public sealed record DonorStatement(
    Guid Donor,
    string Name,
    DonorType Type,
    string Period,
    DateOnly? From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<StatementReceipt> Receipts,
    decimal ReceivedUsd,
    IReadOnlyList<StatementFund> Funds,
    IReadOnlyList<StatementGrant> Grants,
    IReadOnlyList<StatementCountry> Countries,
    decimal AppliedUsd);
