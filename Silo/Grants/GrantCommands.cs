using FundManager.Common;

namespace FundManager.Grants;

/// <summary>Draft a grant to a UPR implementation project. <paramref name="Id"/> is chosen by the program when absent.</summary>
public sealed record DraftGrant(string Fund, GrantPlan Plan, Guid? Id = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [.. CommandRefusals.GrantPlan, BusinessRule.EntityAlreadyExists];
}

/// <summary>Replace a draft's plan (anything may change before submission).</summary>
public sealed record ReviseGrantDraft(Guid Grant, GrantPlan Plan) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [.. CommandRefusals.GrantPlan];
}

/// <summary>Record the consent of the State concerned (its reference, such as a note verbale, and date).</summary>
public sealed record RecordConsent(Guid Grant, string Reference, DateOnly GivenOn) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [];
}

public sealed record SubmitGrant(Guid Grant, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ConsentRequired];
}

public sealed record ReviewGrant(Guid Grant, DateOnly On, string? Note = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [];
}

/// <summary>Record the Board of Trustees' recommendation at a session (e.g. <c>BoT-2024-2</c>).</summary>
public sealed record RecommendGrant(Guid Grant, string BoardSession, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [];
}

/// <summary>Approve: needs consent on file and enough uncommitted funds.</summary>
public sealed record ApproveGrant(Guid Grant, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ConsentRequired, BusinessRule.InsufficientUncommittedFunds];
}

public sealed record RejectGrant(Guid Grant, DateOnly On, string Reason) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ReasonRequired];
}

public sealed record CancelGrant(Guid Grant, DateOnly On, string Reason) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ReasonRequired, BusinessRule.TranchePending];
}

public sealed record CompleteGrant(Guid Grant, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.TranchePending];
}

public sealed record CloseGrant(Guid Grant, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.TranchePending];
}

/// <summary>Revise the direct budget and tranche schedule, with a reason.</summary>
public sealed record ReviseGrantBudget(Guid Grant, IReadOnlyList<PlannedBudgetLine> Budget, IReadOnlyList<PlannedTranche> Tranches, string Reason, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        .. CommandRefusals.Amounts,
        BusinessRule.BudgetBelowDisbursed,
        BusinessRule.PaidTrancheCannotChange,
        BusinessRule.AmendmentChangesNothing,
        BusinessRule.InsufficientUncommittedFunds,
        BusinessRule.TrancheScheduleDoesNotSumToBudget,
        BusinessRule.BudgetYearOutsidePeriod,
        BusinessRule.TrancheOutsidePeriod,
        BusinessRule.TranchePending,
        BusinessRule.ReasonRequired,
    ];
}

/// <summary>Prepare a tranche for payment; <paramref name="Amount"/> defaults to the planned amount.</summary>
public sealed record PrepareTranche(Guid Grant, int Number, DateOnly On, decimal? Amount = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        .. CommandRefusals.Amounts,
        BusinessRule.GrantNotApproved,
        BusinessRule.TrancheOutOfOrder,
        BusinessRule.TrancheAlreadyPrepared,
        BusinessRule.ProgressReportNotAccepted,
        BusinessRule.TrancheExceedsUndisbursedCommitment,
    ];
}

/// <summary>Approve (and so pay) a prepared tranche; never by the user who prepared it.</summary>
public sealed record ApproveTranche(Guid Grant, int Number, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        BusinessRule.GrantNotApproved,
        BusinessRule.TrancheOutOfOrder,
        BusinessRule.ProgressReportNotAccepted,
        BusinessRule.TrancheNotPrepared,
        BusinessRule.PreparerCannotApprove,
        BusinessRule.InsufficientCash,
        BusinessRule.TrancheExceedsUndisbursedCommitment,
    ];
}

public sealed record RejectTranche(Guid Grant, int Number, DateOnly On, string Reason) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        BusinessRule.TrancheNotPrepared,
        BusinessRule.PreparerCannotApprove,
        BusinessRule.ReasonRequired,
    ];
}

public sealed record DefineIndicator(Guid Grant, string Name, string Unit, decimal Baseline, decimal Target) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.EntityAlreadyExists];
}

/// <summary>Submit a progress report on the use of a paid tranche; <paramref name="Resubmits"/> names a returned report.</summary>
public sealed record SubmitProgressReport(
    Guid Grant, DateOnly PeriodStart, DateOnly PeriodEnd, int CoversTranche, string Narrative, IReadOnlyList<IndicatorValue> Values, DateOnly On, int? Resubmits = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        BusinessRule.IndicatorUnknown,
        BusinessRule.PeriodEndsBeforeStart,
        BusinessRule.ProgressReportUnknown,
    ];
}

public sealed record AcceptProgressReport(Guid Grant, int Number, DateOnly On) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ProgressReportUnknown];
}

public sealed record ReturnProgressReport(Guid Grant, int Number, DateOnly On, string Comments) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.ProgressReportUnknown, BusinessRule.ReasonRequired];
}

/// <summary>Record how far a recommendation the grant serves has been implemented, with evidence.</summary>
public sealed record RecordRecommendationStatus(Guid Grant, string Recommendation, ImplementationStatus Status, string Evidence, DateOnly AsOf) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.RecommendationNotServedByGrant];
}
