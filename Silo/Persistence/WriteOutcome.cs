using FundManager.Cluster;

namespace FundManager.Persistence;

/// <summary>How the write of one command ended: the refusal when a rule refused it, what the database said when it failed.</summary>
[Immutable]
public sealed record WriteOutcome(WriteStatus Status, Refusal? Refusal = null, string? Detail = null)
{
    public static WriteOutcome Committed { get; } = new(WriteStatus.Committed);

    public static WriteOutcome Of(WriteStatus status) => new(status);

    public static WriteOutcome Refused(RuleViolation violation) => new(WriteStatus.Refused, Refusal.Of(violation));

    public static WriteOutcome Failed(Npgsql.PostgresException e) => new(WriteStatus.Failed, Detail: $"{e.SqlState}: {e.MessageText}");
}
