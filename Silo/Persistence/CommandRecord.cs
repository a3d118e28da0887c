namespace FundManager.Persistence;

/// <summary>The row a command leaves in the command log (<c>commands</c>), with its audit record when it came over HTTP.</summary>
/// <param name="Id">The command id; its unique key makes a second sending a replay.</param>
/// <param name="Kind">The command's type name.</param>
/// <param name="BodyHash">What makes two sendings of the id the same command (see <see cref="CommandLog.BodyHash"/>).</param>
/// <param name="Result">What a replay returns.</param>
/// <param name="Actor">Who sent it.</param>
/// <param name="At">When it was recorded (the injected clock, to the microsecond as stored).</param>
/// <param name="Audit">The audit record written in the same transaction, if any.</param>
public sealed record CommandRecord(CommandId Id, string Kind, byte[] BodyHash, CommandResult Result, UserId Actor, DateTimeOffset At, AuditEntry? Audit);
