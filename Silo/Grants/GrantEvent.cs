using FundManager.Common;
using FundManager.Funds;

namespace FundManager.Grants;

/// <summary>Something that happened to a grant.</summary>
public abstract record GrantEvent;

public sealed record GrantDrafted(GrantId Id, FundCode Fund, GrantDetails Details, IReadOnlyList<BudgetLine> Budget, IReadOnlyList<TrancheTerms> Tranches) : GrantEvent;

public sealed record GrantDraftRevised(GrantDetails Details, IReadOnlyList<BudgetLine> Budget, IReadOnlyList<TrancheTerms> Tranches) : GrantEvent;

public sealed record ConsentRecorded(Consent Consent) : GrantEvent;

public sealed record GrantSubmitted(DateOnly On) : GrantEvent;

public sealed record GrantReviewed(DateOnly On, string? Note) : GrantEvent;

/// <summary>The Board of Trustees recommended the grant at <see cref="BoardSession"/>.</summary>
public sealed record GrantRecommended(string BoardSession, DateOnly On) : GrantEvent;

/// <summary>The grant was approved: the fund is committed to the direct budget plus PSC at <see cref="PscRate"/>.</summary>
public sealed record GrantApproved(DateOnly On, decimal PscRate, Money Psc, Money Commitment) : GrantEvent;

public sealed record GrantRejected(DateOnly On, string Reason) : GrantEvent;

/// <summary>The grant was cancelled; <see cref="Released"/> is the commitment never disbursed.</summary>
public sealed record GrantCancelled(DateOnly On, string Reason, Money Released) : GrantEvent;

public sealed record GrantCompleted(DateOnly On) : GrantEvent;

/// <summary>The grant was closed; <see cref="Released"/> is the commitment never disbursed.</summary>
public sealed record GrantClosed(DateOnly On, Money Released) : GrantEvent;

/// <summary>The budget was revised; <see cref="CommitmentChange"/> is the change to the open commitment (zero before approval).</summary>
public sealed record GrantBudgetRevised(DateOnly On, string Reason, IReadOnlyList<BudgetLine> Budget, IReadOnlyList<TrancheTerms> Tranches, Money Psc, Money CommitmentChange) : GrantEvent;

public sealed record TranchePrepared(int Number, Money Amount, UserId By, DateOnly On) : GrantEvent;

/// <summary>A tranche was approved and paid, and PSC charged on it.</summary>
public sealed record TrancheApproved(int Number, Money Amount, Money Psc, UserId By, DateOnly On) : GrantEvent;

public sealed record TrancheRejected(int Number, UserId By, DateOnly On, string Reason) : GrantEvent;

public sealed record IndicatorDefined(Indicator Indicator) : GrantEvent;

public sealed record ProgressReportSubmitted(int Number, DateOnly PeriodStart, DateOnly PeriodEnd, int CoversTranche, string Narrative, IReadOnlyList<IndicatorValue> Values, UserId By, DateOnly On) : GrantEvent;

public sealed record ProgressReportAccepted(int Number, UserId By, DateOnly On) : GrantEvent;

public sealed record ProgressReportReturned(int Number, UserId By, DateOnly On, string Comments) : GrantEvent;

public sealed record RecommendationStatusChanged(string Recommendation, ImplementationStatus Status, string Evidence, DateOnly AsOf, UserId By) : GrantEvent;
