namespace FundManager.Reporting.Charts;

/// <summary>Which point of a text its x coordinate names, as SVG's <c>text-anchor</c>.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}
