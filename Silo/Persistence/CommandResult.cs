namespace FundManager.Persistence;

/// <summary>
/// What a command did: the entity it created or changed and that entity's new version.
/// <see cref="Replayed"/> is true when the command id had been seen and the first result was returned.
/// </summary>
public sealed record CommandResult(string Stream, long Version, bool Replayed = false);
