namespace FundManager.Reporting.Templates;

/// <summary>A mistake in a report template, located: which template, which line (1-based), and what is wrong.</summary>
public sealed class TemplateException(string template, int line, string problem, Exception? inner = null)
    : Exception($"Template {template}, line {line}: {problem}", inner)
{
    public string Template { get; } = template;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
