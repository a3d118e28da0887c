namespace FundManager.Common;

/// <summary>Groups of business rules that several commands declare (see <see cref="ICommand.Refusals"/>).</summary>
public static class CommandRefusals
{
    /// <summary>What any command can meet: bad input, a missing entity, a stale If-Match, a race lost too often, a reused key, a step out of order.</summary>
    public static readonly BusinessRule[] EveryCommand =
    [
        BusinessRule.InvalidInput, BusinessRule.EntityNotFound, BusinessRule.VersionMismatch, BusinessRule.ConcurrencyConflict,
        BusinessRule.CommandIdReused, BusinessRule.IllegalTransition,
    ];

    /// <summary>What an amount typed by a person can break.</summary>
    public static readonly BusinessRule[] Amounts =
    [
        BusinessRule.AmountMustBePositive, BusinessRule.AmountPrecisionExceedsCurrency, BusinessRule.AmountTooLarge, BusinessRule.UnknownCurrency,
    ];

    /// <summary>What a grant's plan (draft or revision) can break.</summary>
    public static readonly BusinessRule[] GrantPlan =
    [
        .. Amounts, BusinessRule.PeriodEndsBeforeStart, BusinessRule.BudgetYearOutsidePeriod, BusinessRule.TrancheScheduleDoesNotSumToBudget,
        BusinessRule.TrancheOutsidePeriod, BusinessRule.RegionDoesNotMatchCountry, BusinessRule.RecommendationRequired, BusinessRule.RecommendationUnknown,
        BusinessRule.RecommendationConcernsAnotherState, BusinessRule.UnknownCountry, BusinessRule.UnknownSdgTarget, BusinessRule.InvalidFundCode,
    ];
}
