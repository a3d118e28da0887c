using System.Globalization;
using System.Xml;

namespace FundManager.Reporting.Charts;

/// <summary>Writes each kind of laid-out shape as its SVG element, numbers in the invariant culture.</summary>
internal static class SvgShapes
{
    public static void Write(XmlWriter xml, ChartShape shape)
    {
        switch (shape)
        {
            case ChartRect rect:
                Rect(xml, rect.X, rect.Y, rect.Width, rect.Height, rect.Fill);
                xml.WriteEndElement();
                break;
            case ChartBar bar:
                Rect(xml, bar.X, bar.Y, bar.Width, bar.Height, bar.Fill);
                xml.WriteAttributeString("class", "bar");
                xml.WriteAttributeString("data-series", Number(bar.Series));
                xml.WriteAttributeString("data-category", Number(bar.Category));
                xml.WriteElementString("title", SvgChart.Namespace, bar.Tooltip);
                xml.WriteEndElement();
                break;
            case ChartLine line:
                Line(xml, line);
                break;
            case ChartText text:
                Text(xml, text);
                break;
            case ChartWedge wedge:
                Wedge(xml, wedge);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "No SVG element for this shape.");
        }
    }

    /// <summary>A coordinate to two decimals, without a trailing zero, a culture's separators or a negative zero.</summary>
    public static string Number(double value) =>
        Math.Abs(value) < 0.005 ? "0" : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Rect(XmlWriter xml, double x, double y, double width, double height, ChartColour fill)
    {
        xml.WriteStartElement("rect", SvgChart.Namespace);
        xml.WriteAttributeString("x", Number(x));
        xml.WriteAttributeString("y", Number(y));
        xml.WriteAttributeString("width", Number(width));
        xml.WriteAttributeString("height", Number(height));
        xml.WriteAttributeString("fill", fill.Hex);
    }

    private static void Line(XmlWriter xml, ChartLine line)
    {
        xml.WriteStartElement("line", SvgChart.Namespace);
        xml.WriteAttributeString("x1", Number(line.X1));
        xml.WriteAttributeString("y1", Number(line.Y1));
        xml.WriteAttributeString("x2", Number(line.X2));
        xml.WriteAttributeString("y2", Number(line.Y2));
        xml.WriteAttributeString("stroke", line.Stroke.Hex);
        xml.WriteAttributeString("stroke-width", Number(line.Thickness));

        // Hairlines stay sharp instead of smearing over two rows of pixels.
        xml.WriteAttributeString("shape-rendering", "crispEdges");
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, ChartText text)
    {
        xml.WriteStartElement("text", SvgChart.Namespace);
        xml.WriteAttributeString("x", Number(text.X));
        xml.WriteAttributeString("y", Number(text.Y));
        xml.WriteAttributeString("font-size", Number(text.Size));
        if (text.Anchor != TextAnchor.Start)
        {
            xml.WriteAttributeString("text-anchor", text.Anchor == TextAnchor.Middle ? "middle" : "end");
        }

        if (text.Bold)
        {
            xml.WriteAttributeString("font-weight", "bold");
        }

        xml.WriteAttributeString("fill", text.Fill.Hex);
        xml.WriteString(text.Text);
        xml.WriteEndElement();
    }

    private static void Wedge(XmlWriter xml, ChartWedge wedge)
    {
        if (wedge.SweepDegrees >= 359.99)
        {
            // An arc back to its own start point draws nothing: a whole pie is a circle.
            xml.WriteStartElement("circle", SvgChart.Namespace);
            xml.WriteAttributeString("cx", Number(wedge.CentreX));
            xml.WriteAttributeString("cy", Number(wedge.CentreY));
            xml.WriteAttributeString("r", Number(wedge.Radius));
        }
        else
        {
            var (startX, startY) = PointAt(wedge, wedge.StartDegrees);
            var (endX, endY) = PointAt(wedge, wedge.StartDegrees + wedge.SweepDegrees);
            var largeArc = wedge.SweepDegrees > 180 ? "1" : "0";

            // Sweep flag 1 is clockwise on screen, where y grows downwards.
            var path = $"M {Number(wedge.CentreX)} {Number(wedge.CentreY)} L {Number(startX)} {Number(startY)} "
                + $"A {Number(wedge.Radius)} {Number(wedge.Radius)} 0 {largeArc} 1 {Number(endX)} {Number(endY)} Z";
            xml.WriteStartElement("path", SvgChart.Namespace);
            xml.WriteAttributeString("d", path);
        }

        xml.WriteAttributeString("fill", wedge.Fill.Hex);
        xml.WriteElementString("title", SvgChart.Namespace, wedge.Tooltip);
        xml.WriteEndElement();
    }

    /// <summary>The point of the wedge's circle at <paramref name="degrees"/> clockwise from twelve o'clock.</summary>
    private static (double X, double Y) PointAt(ChartWedge wedge, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        return (wedge.CentreX + wedge.Radius * Math.Sin(radians), wedge.CentreY - wedge.Radius * Math.Cos(radians));
    }
}
