using FundManager.Cluster;

namespace FundManager.Persistence;

/// <summary>How the write of one command ended, and the refusal when a rule refused it.</summary>
[Immutable]
public sealed record WriteOutcome(WriteStatus Status, Refusal? Refusal = null)
{
    public static WriteOutcome Committed { get; } = new(WriteStatus.Committed);

    public static WriteOutcome Of(WriteStatus status) => new(status);

    public static WriteOutcome Refused(RuleViolation violation) => new(WriteStatus.Refused, Refusal.Of(violation));
}
