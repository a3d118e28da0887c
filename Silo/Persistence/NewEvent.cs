namespace FundManager.Persistence;

/// <summary>An event decided by a command, serialised for the <c>events</c> table, at the version it takes in its stream.</summary>
public sealed record NewEvent(long Version, string Type, string Json, string? Reason);
