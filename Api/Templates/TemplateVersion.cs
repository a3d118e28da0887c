namespace FundManager.Api.Templates;

/// <summary>
/// One version in a report template's history: who saved it, when and why, and the SHA-256 that the reports it made
/// carry. Version 0 is the file shipped in <c>config/templates</c>, saved by nobody.
/// </summary>
public sealed record TemplateVersion(string Name, int Version, string Sha256, string? ChangedBy, DateTimeOffset? ChangedAt, string Reason)
{
    public const string ShippedReason = "As shipped in config/templates.";
}
