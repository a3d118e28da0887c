namespace FundManager.Persistence;

/// <summary>
/// Who sends a command and how to recognise it: its id (the same id again returns the first result), the user,
/// optionally the version of the target entity the user based it on, and the audit record to write with it.
/// </summary>
[Immutable]
public sealed record CommandContext(CommandId Id, UserId Actor, long? ExpectedVersion = null, AuditEntry? Audit = null)
{
    public static CommandContext By(UserId actor) => new(CommandId.New(), actor);

    public static CommandContext By(string actor) => new(CommandId.New(), new UserId(actor));
}
