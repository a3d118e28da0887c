namespace FundManager.Cluster;

/// <summary>The grain storage provider for grain state that is not part of the financial record (reminder items, sessions, drafts).</summary>
public static class StateStorage
{
    public const string Name = "fundmanager";
}
