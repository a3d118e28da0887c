namespace FundManager.Persistence;

/// <summary>
/// Who sends a command and how to recognise it: its id (the same id again returns the first result),
/// the user, and optionally the version of the target entity the user based it on.
/// </summary>
public sealed record CommandContext(CommandId Id, UserId Actor, long? ExpectedVersion = null)
{
    public static CommandContext By(UserId actor) => new(CommandId.New(), actor);

    public static CommandContext By(string actor) => new(CommandId.New(), new UserId(actor));
}
