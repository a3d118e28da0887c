using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Recommendations;

/// <summary>Sends the commands on UPR recommendations to their grains.</summary>
public sealed class RecommendationService(CommandSender sender)
{
    public Task<CommandResult> HandleAsync(RegisterRecommendation command, CommandContext context, CancellationToken ct = default)
    {
        var id = Text.Check(command.Id, "id", 100, allowLineBreaks: false);
        return sender.SendAsync(command, context, g => g.GetGrain<IRecommendationGrain>(id).RegisterAsync(command, context), ct);
    }

    public Task<CommandResult> HandleAsync(ImportRecommendation command, CommandContext context, CancellationToken ct = default)
    {
        var id = Text.Check(command.Recommendation.Id, "id", 100, allowLineBreaks: false);
        return sender.SendAsync(command, context, g => g.GetGrain<IRecommendationGrain>(id).ImportAsync(command, context), ct);
    }
}
