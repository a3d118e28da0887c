namespace FundManager.Api.Http;

/// <summary>Which audit records to read: those after <see cref="After"/> (a record id), at most <see cref="Limit"/>; a filter left null does not apply.</summary>
public sealed record AuditQuery(int Limit)
{
    public string? Actor { get; init; }

    /// <summary>The entity's id or fund code, as in the request's path.</summary>
    public string? Entity { get; init; }

    /// <summary><c>succeeded</c>, <c>refused</c> or <c>failed</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>Records made on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Records made on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    public long? After { get; init; }
}
