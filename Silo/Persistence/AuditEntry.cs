namespace FundManager.Persistence;

/// <summary>
/// The audit record of a request that changes something: who, when, from where, which endpoint and entity, the status
/// answered and the idempotency key. A command that succeeds writes it in its own transaction, so a command never exists
/// without its record; a refusal's record is written on its own (nothing else is written then).
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At, string? Actor, string? ClientAddress, string Method, string Path, string? Entity, int Status, string? IdempotencyKey)
{
    /// <summary>succeeded (below 400), refused (4xx) or failed (5xx).</summary>
    public string Outcome => Status < 400 ? "succeeded" : Status < 500 ? "refused" : "failed";
}
