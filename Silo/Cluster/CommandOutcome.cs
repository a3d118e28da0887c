using FundManager.Persistence;

namespace FundManager.Cluster;

/// <summary>
/// What a grain answers to a command: what it did, or the rule that refused it, or that the caller should send it again
/// with the same command id (the grain found its state stale, or could not tell whether its write committed, and has
/// deactivated so that the next call reads the database afresh).
/// </summary>
[Immutable]
public sealed record CommandOutcome(CommandResult? Result, Refusal? Refusal, bool TryAgain)
{
    public static CommandOutcome Done(CommandResult result) => new(result, null, false);

    public static CommandOutcome Refused(Refusal refusal) => new(null, refusal, false);

    public static CommandOutcome Refused(RuleViolation violation) => Refused(Refusal.Of(violation));

    public static CommandOutcome Again { get; } = new(null, null, true);
}
