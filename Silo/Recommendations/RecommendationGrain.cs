using FundManager.Cluster;
using FundManager.Entities;
using FundManager.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FundManager.Recommendations;

/// <summary>Hosts a UPR recommendation (see <see cref="EntityGrain{TEntity,TEvent}"/>).</summary>
public sealed class RecommendationGrain(EntityStore store, [FromKeyedServices(BusinessClock.Key)] TimeProvider clock) : EntityGrain<UprRecommendation, RecommendationEvent>(store, clock), IRecommendationGrain
{
    protected override StreamId Stream => StreamId.ForRecommendation(this.GetPrimaryKeyString());

    public Task<CommandOutcome> RegisterAsync(RegisterRecommendation command, CommandContext context) =>
        RunAsync(command, context, decision =>
        {
            var recommendation = Entity;
            decision.RequireNew(recommendation, "id", $"Recommendation {Stream.Key} is already registered.");
            decision.Record(recommendation, [UprRecommendation.Register(Stream.Key, command)], null);
            return Task.FromResult(new CommandResult(Stream.ToString(), recommendation.Version));
        });

    public Task<CommandOutcome> ImportAsync(ImportRecommendation command, CommandContext context) =>
        RunAsync(command, context, decision =>
        {
            var recommendation = Entity;
            decision.Record(recommendation, recommendation.Import(Stream.Key, command.Recommendation), null);
            return Task.FromResult(new CommandResult(Stream.ToString(), recommendation.Version));
        });

    public Task<string?> StateUnderReviewAsync() => Task.FromResult(Entity.Exists ? Entity.StateUnderReview.ToString() : null);
}
