using FundManager.Common;

namespace FundManager.Pledges;

/// <summary>Announce a pledge (not yet binding). Instalments must sum exactly to <paramref name="Total"/>.</summary>
public sealed record AnnouncePledge(
    Guid Donor,
    string Fund,
    string Currency,
    decimal Total,
    IReadOnlyList<PlannedInstalment> Instalments,
    DateOnly AnnouncedOn,
    EarmarkKind Earmark = EarmarkKind.Unearmarked,
    string? EarmarkTarget = null,
    Guid? Id = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        .. CommandRefusals.Amounts,
        BusinessRule.EntityAlreadyExists,
        BusinessRule.InvalidFundCode,
        BusinessRule.EarmarkTargetUnknown,
        BusinessRule.InstalmentsRequired,
        BusinessRule.InstalmentsDoNotSumToTotal,
        BusinessRule.DuplicateInstalmentDueDate,
        BusinessRule.UnknownCountry,
        BusinessRule.UnknownSdgTarget,
    ];
}

/// <summary>Record the signed contribution agreement: the pledge becomes binding revenue.</summary>
public sealed record SignPledge(Guid Pledge, DateOnly SignedOn, string? AgreementReference = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.NoExchangeRate];
}

/// <summary>Replace the instalment schedule (increase, decrease or reschedule), with a reason.</summary>
public sealed record AmendPledge(Guid Pledge, IReadOnlyList<PlannedInstalment> Instalments, string Reason, DateOnly EffectiveOn) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        .. CommandRefusals.Amounts,
        BusinessRule.AmendmentBelowPaid,
        BusinessRule.AmendmentChangesNothing,
        BusinessRule.InstalmentsRequired,
        BusinessRule.DuplicateInstalmentDueDate,
        BusinessRule.UnknownInstalment,
        BusinessRule.ReasonRequired,
        BusinessRule.NoExchangeRate,
    ];
}

public sealed record CancelPledge(Guid Pledge, DateOnly On, string Reason) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ReasonRequired, BusinessRule.NothingReceivable];
}

public sealed record WriteOffPledge(Guid Pledge, DateOnly On, string Reason) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ReasonRequired, BusinessRule.NothingReceivable];
}

/// <summary>Part of a receipt applied to a named instalment.</summary>
public sealed record ReceiptAllocation(int Instalment, decimal Amount);

/// <summary>
/// Record money received against a pledge, in the pledge's currency; the reference can be used once only. A card
/// processor's <paramref name="Fee"/> on it is recorded with it (see <see cref="RecordProcessorFee"/>).
/// </summary>
public sealed record RecordReceipt(
    Guid Pledge,
    string Reference,
    ReceiptChannel Channel,
    DateOnly ReceivedOn,
    decimal Amount,
    string Currency,
    IReadOnlyList<ReceiptAllocation>? Allocations = null,
    Guid? Id = null,
    ProcessorFee? Fee = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        .. CommandRefusals.Amounts,
        BusinessRule.PledgeNotSigned,
        BusinessRule.ReceiptCurrencyDiffersFromPledge,
        BusinessRule.DuplicateReceiptReference,
        BusinessRule.ReceiptExceedsOutstanding,
        BusinessRule.AllocationDoesNotMatchReceipt,
        BusinessRule.UnknownInstalment,
        BusinessRule.NoExchangeRate,
    ];
}

/// <summary>Record money received with no pledge: it becomes a signed pledge paid at once.</summary>
public sealed record RecordUnpledgedReceipt(
    Guid Donor,
    string Fund,
    string Reference,
    ReceiptChannel Channel,
    DateOnly ReceivedOn,
    decimal Amount,
    string Currency,
    EarmarkKind Earmark = EarmarkKind.Unearmarked,
    string? EarmarkTarget = null,
    Guid? Pledge = null,
    ProcessorFee? Fee = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        .. CommandRefusals.Amounts,
        BusinessRule.EntityAlreadyExists,
        BusinessRule.InvalidFundCode,
        BusinessRule.EarmarkTargetUnknown,
        BusinessRule.DuplicateReceiptReference,
        BusinessRule.NoExchangeRate,
        BusinessRule.UnknownCountry,
        BusinessRule.UnknownSdgTarget,
    ];
}

/// <summary>Record the fee a card processor kept of a receipt (in the currency it charged, valued at the day's rate); once per reference.</summary>
public sealed record RecordProcessorFee(Guid Pledge, string Receipt, string Reference, DateOnly On, decimal Amount, string Currency) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [.. CommandRefusals.Amounts, BusinessRule.NoExchangeRate];
}

/// <summary>
/// Reverse part or all of a receipt given back. For a refund, <paramref name="ReversedToDate"/> is everything refunded of
/// it so far (a processor's running total), so refunds reported twice or out of order reverse each unit once; for a lost
/// dispute it is the amount disputed, once per dispute (<paramref name="Reference"/>).
/// </summary>
public sealed record ReverseReceipt(Guid Pledge, string Receipt, ReversalKind Kind, string Reference, DateOnly On, decimal ReversedToDate) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [.. CommandRefusals.Amounts, BusinessRule.ReversalExceedsReceipt];
}

/// <summary>What a card processor kept of a receipt, under its own reference (Stripe's balance transaction), in the currency it charged.</summary>
public sealed record ProcessorFee(string Reference, decimal Amount, string Currency);
