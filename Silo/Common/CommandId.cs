namespace FundManager.Common;

/// <summary>
/// Identifies one command as its sender meant it. Sending the same id again returns the
/// first result and changes nothing (enforced by a unique key in the command's own transaction).
/// </summary>
public readonly record struct CommandId(Guid Value)
{
    public static CommandId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}
