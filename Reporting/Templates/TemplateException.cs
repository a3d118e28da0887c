namespace FundManager.Reporting.Templates;

/// <summary>A mistake in a report template, located: which template, which line and column (1-based), and what is wrong.</summary>
public sealed class TemplateException(string template, int line, int column, string problem, Exception? inner = null)
    : Exception($"Template {template}, line {line}, column {column}: {problem}", inner)
{
    public string Template { get; } = template;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Problem { get; } = problem;
}
