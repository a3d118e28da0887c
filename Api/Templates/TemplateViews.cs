namespace FundManager.Api.Templates;

/// <summary>A report template as the list shows it: its latest version, who saved it and when (nobody, for the shipped file).</summary>
public sealed record TemplateSummary(string Name, string Kind, int Version, string Sha256, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>One version of a template with its text.</summary>
public sealed record TemplateText(string Name, int Version, string Sha256, string Text);

/// <summary>A new version of a template: its text, why it changes, and the version the editor started from.</summary>
public sealed record TemplateEdit(string? Text = null, string? Reason = null, int? BasedOn = null);

/// <summary>A template's text to preview on the demo data, not saved.</summary>
public sealed record TemplatePreviewRequest(string? Text = null);
