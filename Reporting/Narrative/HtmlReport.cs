using System.Text.RegularExpressions;
using FundManager.Reporting.Charts;
using Markdig;

namespace FundManager.Reporting.Narrative;

/// <summary>A narrative's Markdown as HTML, its charts inline as SVG figures (nothing fetched from elsewhere).</summary>
public static partial class HtmlReport
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static string Body(NarrativeDocument document) =>
        ChartImage().Replace(Markdown.ToHtml(document.Markdown, Pipeline), m =>
            document.Charts.TryGetValue(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, out var chart)
                ? $"<figure>{SvgChart.Render(chart)}<figcaption>{System.Net.WebUtility.HtmlEncode(chart.Title)}</figcaption></figure>"
                : m.Value);

    [GeneratedRegex("""<p>\s*<img src="chart:([a-z0-9-]+)"[^>]*>\s*</p>|<img src="chart:([a-z0-9-]+)"[^>]*>""")]
    private static partial Regex ChartImage();
}
