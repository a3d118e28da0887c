using FundManager.Grants;
using FundManager.Pledges;

namespace FundManager.Api.Http;

// Bodies of the commands addressed to a sub-resource; the entity's id comes from the path.

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record ChangeRatesRequest(decimal PscRate, decimal ReserveRate);

public sealed record RenameRequest(string Name);

public sealed record BankAccountRequest(string Iban);

public sealed record SignPledgeRequest(DateOnly SignedOn, string? AgreementReference = null);

public sealed record AmendPledgeRequest(IReadOnlyList<PlannedInstalment> Instalments, string Reason, DateOnly EffectiveOn);

/// <summary>A dated decision with its reason (cancel, write off, reject).</summary>
public sealed record ReasonRequest(DateOnly On, string Reason);

public sealed record ReceiptRequest(string Reference, ReceiptChannel Channel, DateOnly ReceivedOn, decimal Amount, string Currency, IReadOnlyList<ReceiptAllocation>? Allocations = null, Guid? Id = null);

/// <summary>A dated step (submit, approve, complete, close, accept).</summary>
public sealed record DateRequest(DateOnly On);

public sealed record ReviewRequest(DateOnly On, string? Note = null);

public sealed record RecommendRequest(string BoardSession, DateOnly On);

public sealed record ConsentRequest(string Reference, DateOnly GivenOn);

public sealed record ReviseDraftRequest(GrantPlan Plan);

public sealed record BudgetRevisionRequest(IReadOnlyList<PlannedBudgetLine> Budget, IReadOnlyList<PlannedTranche> Tranches, string Reason, DateOnly On);

public sealed record PrepareTrancheRequest(DateOnly On, decimal? Amount = null);

public sealed record IndicatorRequest(string Name, string Unit, decimal Baseline, decimal Target);

public sealed record ProgressReportRequest(DateOnly PeriodStart, DateOnly PeriodEnd, int CoversTranche, string Narrative, IReadOnlyList<IndicatorValue> Values, DateOnly On, int? Resubmits = null);

public sealed record ReturnReportRequest(DateOnly On, string Comments);

public sealed record RecommendationStatusRequest(string Recommendation, ImplementationStatus Status, string Evidence, DateOnly AsOf);

/// <summary>Confirm a bank credit: on the pledge proposed (an empty body), on another pledge, or as a gift from a donor to a fund.</summary>
public sealed record ConfirmBankEntryRequest(Guid? Pledge = null, Guid? Donor = null, string? Fund = null);

/// <summary>An online gift: to a fund, optionally earmarked, one-off or monthly; a signed-in donor may name its own pledge.</summary>
public sealed record DonationRequest(
    string Fund, decimal Amount, string Currency, Donations.DonationFrequency Frequency = Donations.DonationFrequency.OneOff,
    EarmarkKind Earmark = EarmarkKind.Unearmarked, string? EarmarkTarget = null, Guid? Pledge = null);

public sealed record RolesRequest(IReadOnlyList<string> Roles);
