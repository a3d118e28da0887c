namespace FundManager.Persistence;

/// <summary>One event of an entity's history as stored: who recorded it, when, by which command and why.</summary>
public sealed record StoredEvent(string Stream, long Version, string Type, object Event, string Actor, DateTimeOffset RecordedAt, Guid CommandId, string? Reason);
