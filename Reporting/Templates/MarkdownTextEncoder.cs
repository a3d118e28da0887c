using System.Text;
using HandlebarsDotNet;

namespace FundManager.Reporting.Templates;

/// <summary>
/// Escapes what a value would otherwise make Markdown do (a donor called <c>*Friends*</c> is not emphasis, a grant title
/// with a <c>|</c> does not break a table row), so that <c>{{name}}</c> in a Markdown template always prints the name.
/// </summary>
internal sealed class MarkdownTextEncoder : ITextEncoder
{
    private const string Special = "\\`*_[]<>#|{}!~";

    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target)
    {
        foreach (var c in text ?? "")
        {
            if (Special.Contains(c))
            {
                target.Write('\\');
            }

            target.Write(c is '\r' or '\n' ? ' ' : c);
        }
    }

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        var buffer = new StringBuilder();
        while (text is not null && text.MoveNext())
        {
            buffer.Append(text.Current);
        }

        Encode(buffer.ToString(), target);
    }
}
