namespace FundManager.Persistence;

/// <summary>
/// How a group commit ended: committed (no failure), or rolled back because of the write at <paramref name="Index"/>
/// (<paramref name="Failure"/> says why), or with an outcome unknown to every write (no index).
/// </summary>
public sealed record GroupCommit(int? Index, WriteOutcome? Failure)
{
    public static GroupCommit Committed { get; } = new(null, null);

    public bool IsCommitted => Failure is null;
}
