using FundManager.Entities;
using FundManager.Funds;
using FundManager.Persistence;

namespace FundManager.Cluster;

/// <summary>
/// A grain hosting one single-writer entity: it reads the entity's history once, when it activates, then decides each
/// command from the entity in memory. A command of an entity that belongs to a fund (a pledge, a grant) is written by
/// the fund's grain, in its group commit with the fund's postings, whether it posts or not; one of an entity of no fund
/// (a donor, a recommendation) is written by the silo's store. The entity in memory changes only once the write has
/// committed. When the database says the entity has moved on (another activation wrote it), or a commit's outcome is
/// unknown, the grain deactivates and asks the caller to send the command again, with the same id, to a fresh
/// activation.
/// </summary>
public abstract class EntityGrain<TEntity, TEvent>(EntityStore store, TimeProvider clock) : Grain
    where TEntity : Entity<TEvent>, new()
    where TEvent : class
{
    // A decision that read the fund is made again when the fund's rates changed meanwhile; a few times at most.
    private const int MaxDecisions = 5;
    private List<object> _history = [];

    protected TEntity Entity { get; private set; } = new();

    protected abstract StreamId Stream { get; }

    protected TimeProvider Clock => clock;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _history = await store.LoadAsync(Stream, cancellationToken);
        Rebuild();
    }

    protected IFundGrain Fund(FundCode code) => GrainFactory.GetGrain<IFundGrain>(code.Value);

    /// <summary>Decides, writes and answers one command; a command id seen before answers with its first result.</summary>
    protected async Task<CommandOutcome> RunAsync(object command, CommandContext context, Func<CommandDecision, Task<CommandResult>> decide)
    {
        var kind = command.GetType().Name;
        var bodyHash = CommandLog.BodyHash(kind, context.Actor, command);
        for (var attempt = 1; ; attempt++)
        {
            var decision = new CommandDecision(Stream, context, clock.GetUtcNow());
            CommandResult result;
            try
            {
                result = await decide(decision);
            }
            catch (RuleViolation violation)
            {
                RestoreIfChanged(decision);

                // The command may have been carried out already (this refusal being its own effect): answer as then.
                return await store.ReplayOrAsync(context, bodyHash, CommandOutcome.Refused(violation));
            }
            catch
            {
                RestoreIfChanged(decision);
                throw;
            }

            var write = decision.ToWrite(kind, bodyHash, result, Entity as IListed);
            WriteOutcome outcome;
            try
            {
                outcome = write.NeedsFund
                    ? await Fund(write.Fund!.Value).PostAsync(write)
                    : await store.WriteAsync(write);
            }
            catch (Exception e) when (e is not RuleViolation)
            {
                // The fund's grain failed or did not answer in time: the write may still commit. This activation
                // cannot know, so it leaves, and the command is sent again to one that reads the database afresh.
                RestoreIfChanged(decision);
                DeactivateOnIdle();
                return CommandOutcome.Again;
            }

            if (outcome.Status == WriteStatus.Committed)
            {
                _history.AddRange(decision.Applied);
                return CommandOutcome.Done(result);
            }

            RestoreIfChanged(decision);
            switch (outcome.Status)
            {
                case WriteStatus.FundChanged when attempt < MaxDecisions:
                    continue;
                case WriteStatus.CommandExists:
                    return await store.ReplayOrAsync(context, bodyHash, CommandOutcome.Again);
                case WriteStatus.Refused:
                    return await store.ReplayOrAsync(context, bodyHash, CommandOutcome.Refused(outcome.Refusal!));
                case WriteStatus.Failed:
                    throw new CommandFailedException(outcome.Detail ?? "The database refused the command.");
                case WriteStatus.StaleEntity or WriteStatus.Unknown:
                    // What this activation holds may be behind the database: the next call reads it afresh.
                    DeactivateOnIdle();
                    return CommandOutcome.Again;
                default:
                    return CommandOutcome.Again;
            }
        }
    }

    private void RestoreIfChanged(CommandDecision decision)
    {
        if (decision.Applied.Count > 0)
        {
            Rebuild();
        }
    }

    private void Rebuild()
    {
        var entity = new TEntity();
        foreach (var e in _history)
        {
            entity.Apply((TEvent)e);
        }

        Entity = entity;
    }
}
