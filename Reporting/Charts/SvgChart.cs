using System.Text;
using System.Xml;

namespace FundManager.Reporting.Charts;

/// <summary>
/// Draws a chart as an SVG element for the HTML reports: self-contained (no script, style sheet or web font; the PNG's
/// font, DejaVu Sans, where the reader has it, else the generic <c>sans-serif</c> family), one <c>&lt;rect class="bar"&gt;</c> per value with its words as hover text, and
/// <c>role="img"</c>, an <c>aria-label</c>, <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> for screen readers.
/// </summary>
public static class SvgChart
{
    public const string FontFamily = $"'{ChartFont.Family}', sans-serif";

    public const string Namespace = "http://www.w3.org/2000/svg";

    private static readonly XmlWriterSettings Settings = new() { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment };

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <exception cref="ArgumentException">The chart is malformed (see <see cref="ChartDescription.Describe"/>) or the size is outside 160×90 to 8192×8192.</exception>
    public static string Render(Chart chart, int width = 640, int height = 360)
    {
        var scene = ChartLayout.Compute(chart, width, height);
        var svg = new StringBuilder();

        // XmlWriter escapes every text and attribute, so a donor named "R&D <core>" cannot break the markup.
        using (var xml = XmlWriter.Create(svg, Settings))
        {
            xml.WriteStartElement("svg", Namespace);
            xml.WriteAttributeString("width", SvgShapes.Number(width));
            xml.WriteAttributeString("height", SvgShapes.Number(height));
            xml.WriteAttributeString("viewBox", $"0 0 {SvgShapes.Number(width)} {SvgShapes.Number(height)}");
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("aria-label", scene.Title.Length > 0 ? scene.Title : scene.Description);
            xml.WriteAttributeString("font-family", FontFamily);
            xml.WriteElementString("title", Namespace, scene.Title.Length > 0 ? scene.Title : scene.Description);
            xml.WriteElementString("desc", Namespace, scene.Description);
            foreach (var shape in scene.Shapes)
            {
                SvgShapes.Write(xml, shape);
            }

            xml.WriteEndElement();
        }

        return svg.ToString();
    }
}
