using FundManager.Common;

namespace FundManager.Funds;

/// <summary>Establish a fund. Rates default to 13% PSC and a 15% reserve; UPR funds (codes starting <c>UPR-</c>) require UPR recommendations unless told otherwise.</summary>
public sealed record CreateFund(string Code, string Name, decimal? PscRate = null, decimal? ReserveRate = null, bool? RequiresUprRecommendations = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        BusinessRule.EntityAlreadyExists,
        BusinessRule.InvalidFundCode,
        BusinessRule.RateOutOfRange,
    ];
}

/// <summary>Change a fund's PSC and reserve rates; grants already approved keep their PSC rate.</summary>
public sealed record ChangeFundRates(string Fund, decimal PscRate, decimal ReserveRate) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        BusinessRule.InvalidFundCode,
        BusinessRule.RateOutOfRange,
        BusinessRule.AmendmentChangesNothing,
    ];
}
