using System.Text;

namespace FundManager.Reporting.Templates;

/// <summary>
/// Escapes what a value would otherwise make Markdown do (a donor called <c>*Friends*</c> is not emphasis, a grant title
/// with a <c>|</c> does not break a table row), so that <c>{{ name }}</c> in a Markdown template always prints the name.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>#|{}!~";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Special.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
