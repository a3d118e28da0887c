using System.Text.RegularExpressions;

namespace FundManager.Reporting.Templates;

/// <summary>
/// Finds where a template goes wrong, which Handlebars.Net's own messages do not say: an expression left open, a block
/// closed by the wrong name or never closed, or the line of the first expression that uses a name the data lacks.
/// </summary>
internal static partial class TemplateScanner
{
    /// <summary>The first structural mistake, or null when the braces and blocks balance.</summary>
    public static (int Line, string Problem)? StructuralMistake(string text)
    {
        var blocks = new Stack<(string Name, int Line)>();
        var position = 0;
        while ((position = text.IndexOf("{{", position, StringComparison.Ordinal)) >= 0)
        {
            var line = LineOf(text, position);
            if (string.CompareOrdinal(text, position, "{{!--", 0, 5) == 0 || string.CompareOrdinal(text, position, "{{~!--", 0, 6) == 0)
            {
                // A long comment may hold braces of its own; it ends at the first --}}.
                var close = text.IndexOf("--}}", position + 5, StringComparison.Ordinal);
                if (close < 0)
                {
                    return (line, "a comment opened with {{!-- is not closed with --}}");
                }

                position = close + 4;
                continue;
            }

            var end = text.IndexOf("}}", position + 2, StringComparison.Ordinal);
            var next = text.IndexOf("{{", position + 2, StringComparison.Ordinal);
            if (end < 0 || (next >= 0 && next < end))
            {
                return (line, "an expression opened with {{ is not closed with }}");
            }

            var tag = text[(position + 2)..end].Trim('{', '}', '~', ' ', '\t', '\r', '\n');
            if (tag.StartsWith('#') || (tag.StartsWith('^') && tag.Length > 1))
            {
                blocks.Push((FirstWord(tag[1..]), line));
            }
            else if (tag.StartsWith('/'))
            {
                var name = FirstWord(tag[1..]);
                if (blocks.Count == 0)
                {
                    return (line, $"{{{{/{name}}}}} closes a block that was never opened");
                }

                var open = blocks.Pop();
                if (open.Name != name)
                {
                    return (line, $"{{{{/{name}}}}} closes the block {{{{#{open.Name}}}}} opened on line {open.Line}");
                }
            }

            position = end + 2;
        }

        return blocks.Count > 0 ? (blocks.Peek().Line, $"the block {{{{#{blocks.Peek().Name}}}}} is never closed") : null;
    }

    /// <summary>The line of the first expression that names <paramref name="identifier"/> (as a whole path segment), or 1.</summary>
    public static int LineOfName(string text, string identifier)
    {
        foreach (Match tag in Tag().Matches(WithoutComments(text)))
        {
            if (Words().Matches(tag.Groups[1].Value).Any(w => w.Value == identifier))
            {
                return LineOf(text, tag.Index);
            }
        }

        return 1;
    }

    // Comments blanked out but for their line breaks, so that positions still give the right line.
    private static string WithoutComments(string text) =>
        Comment().Replace(text, m => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()));

    private static string FirstWord(string tag) => tag.Trim().Split([' ', '\t', '\r', '\n'], 2)[0];

    private static int LineOf(string text, int position) => 1 + text.AsSpan(0, position).Count('\n');

    [GeneratedRegex(@"\{\{~?!--.*?--~?\}\}|\{\{~?![^}]*\}\}", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\{\{([^}]*)\}\}")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Words();
}
