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
    Guid? Id = null);

/// <summary>Record the signed contribution agreement: the pledge becomes binding revenue.</summary>
public sealed record SignPledge(Guid Pledge, DateOnly SignedOn, string? AgreementReference = null);

/// <summary>Replace the instalment schedule (increase, decrease or reschedule), with a reason.</summary>
public sealed record AmendPledge(Guid Pledge, IReadOnlyList<PlannedInstalment> Instalments, string Reason, DateOnly EffectiveOn);

public sealed record CancelPledge(Guid Pledge, DateOnly On, string Reason);

public sealed record WriteOffPledge(Guid Pledge, DateOnly On, string Reason);

/// <summary>Part of a receipt applied to a named instalment.</summary>
public sealed record ReceiptAllocation(int Instalment, decimal Amount);

/// <summary>Record money received against a pledge, in the pledge's currency; the reference can be used once only.</summary>
public sealed record RecordReceipt(
    Guid Pledge,
    string Reference,
    ReceiptChannel Channel,
    DateOnly ReceivedOn,
    decimal Amount,
    string Currency,
    IReadOnlyList<ReceiptAllocation>? Allocations = null,
    Guid? Id = null);

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
    Guid? Pledge = null);
