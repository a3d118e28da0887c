using FundManager.Common;
using FundManager.Funds;
using FundManager.Finance;

namespace FundManager.Pledges;

/// <summary>Something that happened to a pledge.</summary>
public abstract record PledgeEvent;

/// <summary>A donor announced a pledge: not yet binding, not yet revenue.</summary>
public sealed record PledgeAnnounced(
    PledgeId Id,
    DonorId Donor,
    FundCode Fund,
    CurrencyCode Currency,
    Money Total,
    IReadOnlyList<InstalmentTerms> Instalments,
    Earmark Earmark,
    DateOnly AnnouncedOn) : PledgeEvent;

/// <summary>The contribution agreement was signed: revenue recognised, one receivable per instalment valued at the signing date's rate.</summary>
public sealed record PledgeSigned(DateOnly SignedOn, string? AgreementReference, decimal UnitsPerUsd, IReadOnlyList<InstalmentValue> Booked) : PledgeEvent;

/// <summary>The schedule was amended. For a signed pledge, <see cref="UsdChanges"/> are the receivable changes (positive: more revenue).</summary>
public sealed record PledgeAmended(
    AmendmentKind Kind,
    IReadOnlyList<InstalmentTerms> Schedule,
    DateOnly EffectiveOn,
    string Reason,
    decimal? UnitsPerUsd,
    IReadOnlyList<InstalmentValue> UsdChanges) : PledgeEvent;

/// <summary>Money was received against the pledge; <see cref="ExchangeDifference"/> is the gain (positive) or loss against the booked receivables.</summary>
public sealed record ReceiptRecorded(
    ReceiptId Id,
    string Reference,
    ReceiptChannel Channel,
    DateOnly ReceivedOn,
    Money Amount,
    decimal UnitsPerUsd,
    Money Usd,
    IReadOnlyList<ReceiptApplication> Applications,
    Money ExchangeDifference) : PledgeEvent;

/// <summary>The pledge was cancelled; open receivables are reversed against revenue.</summary>
public sealed record PledgeCancelled(DateOnly On, string Reason, IReadOnlyList<InstalmentValue> Reversed) : PledgeEvent;

/// <summary>What remains receivable was written off as uncollectible.</summary>
public sealed record PledgeWrittenOff(DateOnly On, string Reason, IReadOnlyList<InstalmentValue> WrittenOff) : PledgeEvent;

/// <summary>
/// A card processor (or bank) kept <see cref="Amount"/> of a receipt as its fee, valued at the day's rate: an expense
/// of the fund, the receipt itself staying at the gross amount given.
/// </summary>
public sealed record ProcessorFeeRecorded(string Reference, string Receipt, DateOnly On, Money Amount, decimal UnitsPerUsd, Money Usd) : PledgeEvent;

/// <summary>
/// Part or all of a receipt went back to the giver (a refund, a dispute lost): the contribution is smaller by
/// <see cref="Amount"/>. The instalments it paid shrink by what is reversed (latest applied first), revenue by their
/// booked value, cash by the receipt's own USD value of it; the difference reverses the exchange difference realised.
/// </summary>
public sealed record ReceiptReversed(
    string Reference,
    string Receipt,
    ReversalKind Kind,
    DateOnly On,
    Money Amount,
    Money CashUsd,
    IReadOnlyList<ReceiptApplication> Applications,
    Money ExchangeDifference) : PledgeEvent;
