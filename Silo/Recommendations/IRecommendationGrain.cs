using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Recommendations;

/// <summary>A UPR recommendation, keyed by its id (such as <c>155.32</c>).</summary>
public interface IRecommendationGrain : IGrainWithStringKey
{
    Task<CommandOutcome> RegisterAsync([Immutable] RegisterRecommendation command, CommandContext context);

    /// <summary>Registers the recommendation, or revises the registered one to match; nothing when it does.</summary>
    Task<CommandOutcome> ImportAsync([Immutable] ImportRecommendation command, CommandContext context);

    /// <summary>The State the recommendation was made to (ISO alpha-3), or null when it is not registered.</summary>
    Task<string?> StateUnderReviewAsync();
}
