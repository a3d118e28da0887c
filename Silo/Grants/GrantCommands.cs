namespace FundManager.Grants;

/// <summary>Draft a grant to a UPR implementation project. <paramref name="Id"/> is chosen by the program when absent.</summary>
public sealed record DraftGrant(string Fund, GrantPlan Plan, Guid? Id = null);

/// <summary>Replace a draft's plan (anything may change before submission).</summary>
public sealed record ReviseGrantDraft(Guid Grant, GrantPlan Plan);

/// <summary>Record the consent of the State concerned (its reference, such as a note verbale, and date).</summary>
public sealed record RecordConsent(Guid Grant, string Reference, DateOnly GivenOn);

public sealed record SubmitGrant(Guid Grant, DateOnly On);

public sealed record ReviewGrant(Guid Grant, DateOnly On, string? Note = null);

/// <summary>Record the Board of Trustees' recommendation at a session (e.g. <c>BoT-2024-2</c>).</summary>
public sealed record RecommendGrant(Guid Grant, string BoardSession, DateOnly On);

/// <summary>Approve: needs consent on file and enough uncommitted funds.</summary>
public sealed record ApproveGrant(Guid Grant, DateOnly On);

public sealed record RejectGrant(Guid Grant, DateOnly On, string Reason);

public sealed record CancelGrant(Guid Grant, DateOnly On, string Reason);

public sealed record CompleteGrant(Guid Grant, DateOnly On);

public sealed record CloseGrant(Guid Grant, DateOnly On);

/// <summary>Revise the direct budget and tranche schedule, with a reason.</summary>
public sealed record ReviseGrantBudget(Guid Grant, IReadOnlyList<PlannedBudgetLine> Budget, IReadOnlyList<PlannedTranche> Tranches, string Reason, DateOnly On);

/// <summary>Prepare a tranche for payment; <paramref name="Amount"/> defaults to the planned amount.</summary>
public sealed record PrepareTranche(Guid Grant, int Number, DateOnly On, decimal? Amount = null);

/// <summary>Approve (and so pay) a prepared tranche; never by the user who prepared it.</summary>
public sealed record ApproveTranche(Guid Grant, int Number, DateOnly On);

public sealed record RejectTranche(Guid Grant, int Number, DateOnly On, string Reason);

public sealed record DefineIndicator(Guid Grant, string Name, string Unit, decimal Baseline, decimal Target);

/// <summary>Submit a progress report on the use of a paid tranche; <paramref name="Resubmits"/> names a returned report.</summary>
public sealed record SubmitProgressReport(
    Guid Grant, DateOnly PeriodStart, DateOnly PeriodEnd, int CoversTranche, string Narrative, IReadOnlyList<IndicatorValue> Values, DateOnly On, int? Resubmits = null);

public sealed record AcceptProgressReport(Guid Grant, int Number, DateOnly On);

public sealed record ReturnProgressReport(Guid Grant, int Number, DateOnly On, string Comments);

/// <summary>Record how far a recommendation the grant serves has been implemented, with evidence.</summary>
public sealed record RecordRecommendationStatus(Guid Grant, string Recommendation, ImplementationStatus Status, string Evidence, DateOnly AsOf);
