using System.Globalization;
using Scriban;
using Scriban.Parsing;

namespace FundManager.Reporting.Templates;

/// <summary>
/// How a report template runs: every value it writes is escaped for its kind (HTML, or Markdown) unless the program
/// made it <see cref="TemplateMarkup"/>; numbers and dates in the invariant culture; loops, recursion and output
/// limited, so a mistaken template ends with its mistake instead of holding the server; a name the model lacks is a
/// mistake, not an empty string.
/// </summary>
internal sealed class ReportTemplateContext : TemplateContext
{
    public const int MaxIterations = 200_000;
    public const int MaxDepth = 32;
    public const int MaxOutputCharacters = 64 * 1024 * 1024;

    private readonly bool _markdown;

    public ReportTemplateContext(bool markdown)
    {
        _markdown = markdown;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = MaxIterations;
        RecursiveLimit = MaxDepth;
        OutputLimit = MaxOutputCharacters;
        MemberRenamer = member => member.Name;
        PushCulture(CultureInfo.InvariantCulture);
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        TemplateMarkup markup => base.Write(span, markup.Text),
        null => this,
        _ => base.Write(span, Escape(ObjectToString(textAsObject) ?? "")),
    };

    private string Escape(string text) => _markdown ? MarkdownText.Escape(text) : System.Net.WebUtility.HtmlEncode(text);
}
