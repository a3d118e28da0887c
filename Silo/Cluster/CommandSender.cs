using System.Diagnostics;
using FundManager.Funds;
using FundManager.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundManager.Cluster;

/// <summary>
/// Sends commands to their grains from wherever the caller runs (a silo of its own, or a client of the cluster). A grain
/// that asks for the command again, or a silo that fails while it is on its way, gets it again with the same command id,
/// so it is carried out once: the first sending that committed gives every later one its result. A refusal comes back
/// as the <see cref="RuleViolation"/> the grain refused it with. Each command is traced, counted and timed
/// (<see cref="CommandTelemetry"/>), and a refusal is logged with the command's id, actor and rule.
/// </summary>
public sealed class CommandSender(Func<CancellationToken, ValueTask<IGrainFactory>> grains, ILogger? log = null)
{
    private readonly ILogger _log = log ?? NullLogger.Instance;

    // Long enough for the cluster to notice a dead silo and move its grains (see README, "Running a cluster").
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    /// <param name="command">The command, by whose type it is traced and counted.</param>
    /// <param name="context">Its id and actor.</param>
    /// <param name="send">Sends the command to its grain.</param>
    /// <param name="ct">Stops waiting before the next sending.</param>
    /// <param name="fund">The fund of the entity a creating command creates, so that its grain is placed beside the fund's.</param>
    public async Task<CommandResult> SendAsync(object command, CommandContext context, Func<IGrainFactory, Task<CommandOutcome>> send, CancellationToken ct, FundCode? fund = null)
    {
        var name = command.GetType().Name;
        using var activity = CommandTelemetry.Source.StartActivity(name);
        activity?.SetTag("fundmanager.command", name);
        activity?.SetTag("fundmanager.command_id", context.Id.ToString());
        activity?.SetTag("fundmanager.actor", context.Actor.Value);
        activity?.SetTag("fundmanager.fund", fund?.Value);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        string? rule = null;
        try
        {
            var result = await SendWithRetriesAsync(send, ct, fund);
            outcome = result.Replayed ? "replayed" : "done";
            activity?.SetTag("fundmanager.stream", result.Stream);
            return result;
        }
        catch (RuleViolation refused)
        {
            (outcome, rule) = ("refused", refused.Rule.ToString());
            activity?.SetStatus(ActivityStatusCode.Error, rule);
            _log.LogInformation(
                "{Command} {CommandId} by {Actor} (fund {Fund}) refused: {Rule} on {Field}: {Message}",
                name, context.Id, context.Actor.Value, fund?.Value, rule, refused.Field, refused.Message);
            throw;
        }
        finally
        {
            var tags = new TagList { { "command", name }, { "outcome", outcome } };
            if (rule is not null)
            {
                tags.Add("rule", rule);
            }

            CommandTelemetry.Commands.Add(1, tags);
            CommandTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private async Task<CommandResult> SendWithRetriesAsync(Func<IGrainFactory, Task<CommandOutcome>> send, CancellationToken ct, FundCode? fund)
    {
        var factory = await grains(ct);
        var started = DateTime.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await SendOnceAsync(send, factory, fund);
                if (outcome.Result is { } result)
                {
                    return result;
                }

                if (outcome.Refusal is { } refusal)
                {
                    throw refusal.ToViolation();
                }
            }
            catch (Exception e) when (IsTransient(e) && DateTime.UtcNow - started < GiveUpAfter)
            {
                // The silo that held the grain failed or left; the cluster moves the grain, and the same id is sent again.
            }

            if (DateTime.UtcNow - started >= GiveUpAfter)
            {
                throw RuleViolation.Of(BusinessRule.ConcurrencyConflict, "The record could not be written just now; send the command again.", null);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 10 << Math.Min(attempt, 7))), ct);
        }
    }

    private static async Task<CommandOutcome> SendOnceAsync(Func<IGrainFactory, Task<CommandOutcome>> send, IGrainFactory factory, FundCode? fund)
    {
        if (fund is null)
        {
            return await send(factory);
        }

        RequestContext.Set(FundAffinityPlacement.FundKey, fund.Value.Value);
        try
        {
            return await send(factory);
        }
        finally
        {
            RequestContext.Remove(FundAffinityPlacement.FundKey);
        }
    }

    /// <summary>Failures of the cluster rather than of the command: a silo gone, a message lost or timed out.</summary>
    private static bool IsTransient(Exception e) =>
        e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
        || e is OrleansException { InnerException: TimeoutException or SiloUnavailableException }
        || e.GetType().Name is "ConnectionFailedException" or "GatewayTooBusyException";
}
