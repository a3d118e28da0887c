using FundManager.Cluster;
using FundManager.Entities;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace FundManager.Funds;

/// <summary>
/// Hosts a fund and its ledger (see <see cref="IFundGrain"/>). The writes of the fund's entities (its pledges' and
/// grants' commands, whether they post or not) are queued and committed by one loop, group by group: while a group's
/// transaction commits, the writes that arrive wait and go into the next group together, so many share one round trip
/// and one flush. The grain accepts calls while a group commits (it is reentrant for that reason alone); its state
/// changes only in the loop, after a commit, so no two postings' checks ever interleave.
/// Every <see cref="JournalSums.EntriesBetweenRefreshes"/> entries it has the fund's sums of its journal brought up to
/// the head, off the postings' path, so that readers never add up more than about that many entries' lines themselves.
/// </summary>
[Reentrant]
public sealed class FundGrain(
    EntityStore entities, LedgerStore ledger, JournalSums sums, [FromKeyedServices(BusinessClock.Key)] TimeProvider clock, ILogger<FundGrain> log)
    : Grain, IFundGrain
{
    // A decision of the fund's own is made again when a rate change committed meanwhile; a few times at most.
    private const int MaxDecisions = 5;

    // Enough to fill a transaction without making one group wait on a huge batch.
    private const int MaxGroup = 256;

    // How long the loop waits for the writers it has just answered to send again (see FlushAsync): longer than a writer's
    // thread may wait for a core, or for a garbage collection, on a busy machine (README, "The cluster").
    private static readonly TimeSpan GatherAtMost = TimeSpan.FromMilliseconds(10);

    private readonly List<Pending> _queue = [];
    private List<object> _history = [];
    private Fund _fund = new();
    private LedgerState _ledger = LedgerState.Empty;
    private bool _retired;
    private bool _flushing;
    private (int Count, TaskCompletionSource Reached)? _gathering;
    private long _sumsRefreshedAt;

    private FundCode Code => FundCode.Parse(this.GetPrimaryKeyString());

    private StreamId Stream => StreamId.For(Code);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _history = await entities.LoadAsync(Stream, cancellationToken);
        _fund = Rebuild(_history);
        _ledger = await ledger.LoadAsync(Code, cancellationToken) ?? LedgerState.Empty;
        _sumsRefreshedAt = _ledger.Sequence;
    }

    public Task<FundSnapshot?> SnapshotAsync() => Task.FromResult(
        _fund.Exists
            ? new FundSnapshot(
                _history.Select((e, i) => new NewEvent(i + 1, EventTypes.NameOf(e), System.Text.Json.JsonSerializer.Serialize(e, e.GetType(), Persistence.Json.StoredJson.Options), null)).ToList(),
                _ledger.Position(_fund.ReserveRate))
            : null);

    public Task<FundPosition?> PositionAsync() => Task.FromResult(_fund.Exists ? _ledger.Position(_fund.ReserveRate) : null);

    public Task<bool> ExistsAsync() => Task.FromResult(_fund.Exists);

    public async Task<CommandOutcome> CreateAsync(CreateFund command, CommandContext context)
    {
        var outcome = await DecideAsync(command, context, opensLedger: true, (decision, fund) =>
        {
            var code = FundCode.Parse(command.Code, "code");
            decision.RequireNew(fund, "code", $"A fund with code {code} already exists.");
            var requiresUpr = command.RequiresUprRecommendations ?? code.Value.StartsWith("UPR-", StringComparison.Ordinal);
            decision.Record(fund, Fund.Create(code, command.Name, command.PscRate ?? Fund.DefaultPscRate, command.ReserveRate ?? Fund.DefaultReserveRate, requiresUpr), code);
        });
        if (outcome.Result is not null)
        {
            // A new fund gets its daily reminders (silos also make sure of every fund's when they start).
            await GrainFactory.GetGrain<IFundRemindersGrain>(Code.Value).EnsureScheduledAsync();
        }

        return outcome;
    }

    public Task<CommandOutcome> ChangeRatesAsync(ChangeFundRates command, CommandContext context) =>
        DecideAsync(command, context, opensLedger: false, (decision, fund) =>
        {
            decision.Target(fund);
            decision.Record(fund, fund.ChangeRates(command.PscRate, command.ReserveRate), Code);
        });

    public Task<WriteOutcome> PostAsync(CommandWrite write) => EnqueueAsync(new Pending(write, [], false));

    public Task<SiloAddress> HostAsync() => Task.FromResult(GrainContext.Address.SiloAddress!);

    // The fund's own commands: decided on the committed fund, then written through the same queue as every posting, so a
    // rate change and an approval that read the old rate cannot both commit.
    private async Task<CommandOutcome> DecideAsync(object command, CommandContext context, bool opensLedger, Action<CommandDecision, Fund> decide)
    {
        var kind = command.GetType().Name;
        var bodyHash = CommandLog.BodyHash(kind, context.Actor, command);
        for (var attempt = 1; ; attempt++)
        {
            var fund = Rebuild(_history);
            var decision = new CommandDecision(Stream, context, clock.GetUtcNow());
            try
            {
                decide(decision, fund);
            }
            catch (RuleViolation violation)
            {
                return await entities.ReplayOrAsync(context, bodyHash, CommandOutcome.Refused(violation));
            }

            var result = new CommandResult(Stream.ToString(), fund.Version);
            var outcome = await EnqueueAsync(new Pending(decision.ToWrite(kind, bodyHash, result, fund), decision.Applied, opensLedger));
            switch (outcome.Status)
            {
                case WriteStatus.Committed:
                    return CommandOutcome.Done(result);
                case WriteStatus.FundChanged when attempt < MaxDecisions:
                    continue;
                case WriteStatus.CommandExists:
                    return await entities.ReplayOrAsync(context, bodyHash, CommandOutcome.Again);
                case WriteStatus.Refused:
                    return await entities.ReplayOrAsync(context, bodyHash, CommandOutcome.Refused(outcome.Refusal!));
                case WriteStatus.Failed:
                    throw new CommandFailedException(outcome.Detail ?? "The database refused the command.");
                default:
                    return CommandOutcome.Again;
            }
        }
    }

    private Task<WriteOutcome> EnqueueAsync(Pending pending)
    {
        if (_retired)
        {
            return Task.FromResult(WriteOutcome.Of(WriteStatus.FundStale));
        }

        _queue.Add(pending);
        if (_gathering is { } gathering && _queue.Count >= gathering.Count)
        {
            gathering.Reached.TrySetResult();
        }

        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }

        return pending.Done.Task;
    }

    // The one loop that writes: it runs while writes are queued, one group at a time. Before each group after the first
    // it waits, ten milliseconds at most, until as many writes have joined those already queued as the last group answered:
    // the writers it answered are most likely sending their next command, and taking them saves each a whole round.
    // Without the wait, the writers of a busy fund split into two halves that take turns, each half's writes queued
    // behind the other's group (README, "The cluster").
    private async Task FlushAsync()
    {
        try
        {
            var answered = 0;
            while (!_retired)
            {
                await GatherAsync(Math.Min(MaxGroup, _queue.Count + answered));
                if (_queue.Count == 0 || _retired)
                {
                    break;
                }

                var group = _queue.Take(MaxGroup).ToList();
                answered = group.Count;
                _queue.RemoveRange(0, group.Count);
                try
                {
                    await CommitAsync(group);
                }
                catch (Exception e)
                {
                    log.LogError(e, "Committing a group of {Count} commands for fund {Fund} failed", group.Count, Code);
                    Retire(group, e);
                }
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task GatherAsync(int count)
    {
        if (_queue.Count >= count)
        {
            return;
        }

        var reached = new TaskCompletionSource();
        _gathering = (count, reached);
        using (var timeout = new CancellationTokenSource())
        {
            await Task.WhenAny(reached.Task, Task.Delay(GatherAtMost, timeout.Token));

            // When the writers came first, the timer goes now: left to run out, it woke the runtime's timer thread after every group.
            timeout.Cancel();
        }

        _gathering = null;
    }

    /// <summary>
    /// Checks the group against the fund's state in memory, one write after the other, and commits what passes in one
    /// transaction. A write the database refuses is answered alone and the others are committed without it.
    /// </summary>
    private async Task CommitAsync(List<Pending> group)
    {
        var candidates = group;
        while (candidates.Count > 0)
        {
            var fund = Rebuild(_history);
            var state = _ledger.Copy();
            var accepted = new List<(Pending Pending, GroupedWrite Write)>();
            foreach (var pending in candidates)
            {
                if (Admit(pending, fund, state) is { } refused)
                {
                    pending.Done.TrySetResult(refused);
                    continue;
                }

                var entries = state.Chain(Code, pending.Write.Command, pending.Write.Postings);
                foreach (var e in pending.FundEvents)
                {
                    fund.Apply((FundEvent)e);
                }

                accepted.Add((pending, new GroupedWrite(pending.Write, entries, pending.OpensLedger ? Code : null)));
            }

            if (accepted.Count == 0)
            {
                return;
            }

            GroupCommit commit;
            try
            {
                commit = await ledger.CommitAsync(accepted.Select(a => a.Write).ToList(), CancellationToken.None);
            }
            catch (Exception e)
            {
                // A fault of the program, not of the data: every write of the group fails with it, and the grain starts afresh.
                log.LogError(e, "Writing a group of {Count} commands for fund {Fund} failed", accepted.Count, Code);
                Retire(accepted.Select(a => a.Pending), e);
                return;
            }

            if (commit.IsCommitted)
            {
                _ledger = state;
                foreach (var (pending, _) in accepted)
                {
                    _history.AddRange(pending.FundEvents);
                }

                _fund = Rebuild(_history);
                foreach (var (pending, _) in accepted)
                {
                    pending.Done.TrySetResult(WriteOutcome.Committed);
                }

                RefreshSumsWhenDue();
                return;
            }

            var failure = commit.Failure!;
            if (commit.Index is null && failure.Status == WriteStatus.Failed)
            {
                // Refused as a whole, nothing written: each write of the group is answered with the failure.
                foreach (var (pending, _) in accepted)
                {
                    pending.Done.TrySetResult(failure);
                }

                return;
            }

            if (commit.Index is not { } index || failure.Status is WriteStatus.FundStale or WriteStatus.Unknown
                || (failure.Status == WriteStatus.StaleEntity && accepted[index].Pending.FundEvents.Count > 0))
            {
                // This activation is behind the database, or cannot tell what committed: nothing more is written here.
                Retire(accepted.Select(a => a.Pending), failure.Status == WriteStatus.Unknown ? WriteOutcome.Of(WriteStatus.Unknown) : WriteOutcome.Of(WriteStatus.FundStale));
                return;
            }

            accepted[index].Pending.Done.TrySetResult(failure);
            candidates = accepted.Where((_, i) => i != index).Select(a => a.Pending).ToList();
        }
    }

    /// <summary>Why a write cannot go into this group, judged on the fund as the writes before it in the group leave it; null when it can.</summary>
    private WriteOutcome? Admit(Pending pending, Fund fund, LedgerState state)
    {
        var write = pending.Write;
        if (pending.FundEvents.Count > 0 && write.Stream!.ExpectedVersion != fund.Version)
        {
            return WriteOutcome.Of(WriteStatus.FundChanged);
        }

        if (pending.FundEvents.Count == 0 && !fund.Exists)
        {
            return WriteOutcome.Refused(RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {Code}.", "fund", ("fund", Code.Value)));
        }

        if (write.ExpectedFundVersion is { } expected && expected != fund.Version)
        {
            return WriteOutcome.Of(WriteStatus.FundChanged);
        }

        try
        {
            var position = state.Position(fund.ReserveRate);
            foreach (var check in write.Checks)
            {
                position.Require(check);
            }
        }
        catch (RuleViolation violation)
        {
            return WriteOutcome.Refused(violation);
        }

        return null;
    }

    private void RefreshSumsWhenDue()
    {
        if (_ledger.Sequence - _sumsRefreshedAt < JournalSums.EntriesBetweenRefreshes)
        {
            return;
        }

        _sumsRefreshedAt = _ledger.Sequence;
        var code = Code;

        // Out of the grain's scheduler, and not awaited: the postings never wait for it. One that fails is made up by the next.
        _ = Task.Run(async () =>
        {
            try
            {
                await sums.RefreshAsync(code);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Refreshing the sums of fund {Fund}'s journal failed", code);
            }
        });
    }

    private void Retire(IEnumerable<Pending> writes, object outcome)
    {
        _retired = true;
        foreach (var pending in writes.Concat(_queue))
        {
            if (outcome is Exception e)
            {
                pending.Done.TrySetException(e);
            }
            else
            {
                pending.Done.TrySetResult((WriteOutcome)outcome);
            }
        }

        _queue.Clear();
        DeactivateOnIdle();
    }

    private static Fund Rebuild(IEnumerable<object> history)
    {
        var fund = new Fund();
        foreach (var e in history)
        {
            fund.Apply((FundEvent)e);
        }

        return fund;
    }

    private sealed record Pending(CommandWrite Write, IReadOnlyList<object> FundEvents, bool OpensLedger)
    {
        public TaskCompletionSource<WriteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
