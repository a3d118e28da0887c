using FundManager.Entities;
using FundManager.Persistence;

namespace FundManager.Recommendations;

/// <summary>Carries out the commands on UPR recommendations.</summary>
public sealed class RecommendationService(CommandRunner runner)
{
    public Task<CommandResult> HandleAsync(RegisterRecommendation command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var events = UprRecommendation.Register(
                command.Id, command.StateUnderReview, command.RecommendingStates, command.Cycle, command.Session,
                command.Text, command.Themes, command.SdgTargets, command.Position);
            var registered = (RecommendationRegistered)events[0];
            var stream = StreamId.ForRecommendation(registered.Id);
            if (await uow.ExistsAsync(stream, token))
            {
                throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, $"Recommendation {registered.Id} is already registered.", "id", ("recommendation", registered.Id));
            }

            var recommendation = new UprRecommendation();
            uow.Record(stream, recommendation, events, null);
            return new CommandResult(stream.ToString(), recommendation.Version);
        }, ct);
}
