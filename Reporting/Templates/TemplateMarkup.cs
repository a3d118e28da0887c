namespace FundManager.Reporting.Templates;

/// <summary>
/// Text a template writes as it is, unescaped: a chart's SVG or Markdown image, or a page's body the program rendered.
/// Only the program makes it; a value of the model is always escaped.
/// </summary>
public sealed record TemplateMarkup(string Text);
