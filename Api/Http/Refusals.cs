using FundManager.Common;

namespace FundManager.Api.Http;

/// <summary>
/// Endpoint metadata: the business rules an endpoint's command can refuse with, besides those every command can
/// (<see cref="EveryCommand"/>). The OpenAPI document lists them, by status, as the endpoint's problem types.
/// </summary>
public sealed record Refusals(IReadOnlyList<BusinessRule> Rules)
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

public static class RefusalsExtensions
{
    /// <summary>Declares the rules this endpoint's command can refuse with (see <see cref="Refusals"/>).</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params BusinessRule[] rules)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Refusals(rules));
}
