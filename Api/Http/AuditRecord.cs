namespace FundManager.Api.Http;

/// <summary>One state-changing request as the audit trail recorded it.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, string? Actor, string? ClientAddress, string Method, string Path, string? Entity, int Status, string Outcome, string? IdempotencyKey);
