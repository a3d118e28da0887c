using FundManager.Reporting.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace FundManager.Reporting.Excel;

/// <summary>
/// Native Excel charts (DrawingML) drawn from a sheet's cells, with the values also cached in the chart, so that a viewer
/// shows them before any recalculation.
/// </summary>
internal static class XlsxCharts
{
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const uint CategoryAxis = 48650112;
    private const uint ValueAxis = 48672768;

    public static void Write(XlsxWorkbook book, string drawingPart, IReadOnlyList<(Chart Chart, ChartRanges Ranges, ChartAnchor Anchor)> charts)
    {
        var sheetDrawing = new Xdr.WorksheetDrawing();
        sheetDrawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        sheetDrawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        var relationships = new List<(string, string, string)>();
        uint id = 1;
        foreach (var (chart, ranges, anchor) in charts)
        {
            var chartPart = $"/xl/charts/chart{book.NextChart()}.xml";
            var relationship = $"rId{relationships.Count + 1}";
            relationships.Add((relationship, XlsxPackage.Relationship("chart"), ".." + chartPart[3..]));
            var space = Space(chart, ranges);
            space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
            space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
            space.AddNamespaceDeclaration("r", XlsxPackage.RelationshipNamespace);
            book.Package.Write(chartPart, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml", space);
            sheetDrawing.Append(new Xdr.TwoCellAnchor(
                Marker<Xdr.FromMarker>(anchor.Column, anchor.Row),
                Marker<Xdr.ToMarker>(anchor.Column + anchor.Columns, anchor.Row + anchor.Rows),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = ++id, Name = chart.Title },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationship }) { Uri = ChartUri }))
                { Macro = "" },
                new Xdr.ClientData()));
        }

        book.Package.Write(drawingPart, "application/vnd.openxmlformats-officedocument.drawing+xml", sheetDrawing);
        book.Package.Relationships(drawingPart, relationships);
    }

    private static T Marker<T>(int column, int row)
        where T : DocumentFormat.OpenXml.OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(
            new Xdr.ColumnId(column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.RowOffset("0"));
        return marker;
    }

    private static C.ChartSpace Space(Chart chart, ChartRanges ranges)
    {
        var plot = new C.PlotArea(new C.Layout());
        if (chart.Kind == ChartKind.Pie)
        {
            plot.Append(new C.PieChart(new C.VaryColors { Val = true }, Series<C.PieChartSeries>(chart, ranges, 0), new C.FirstSliceAngle { Val = 0 }));
        }
        else
        {
            var bars = new C.BarChart(
                new C.BarDirection { Val = chart.Kind == ChartKind.Bar ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
                new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                new C.VaryColors { Val = false });
            for (var i = 0; i < chart.Series.Count; i++)
            {
                bars.Append(Series<C.BarChartSeries>(chart, ranges, i));
            }

            bars.Append(new C.GapWidth { Val = 80 }, new C.AxisId { Val = CategoryAxis }, new C.AxisId { Val = ValueAxis });
            var horizontal = chart.Kind == ChartKind.Bar;
            plot.Append(
                bars,
                new C.CategoryAxis(
                    new C.AxisId { Val = CategoryAxis },
                    new C.Scaling(new C.Orientation { Val = horizontal ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
                    new C.Delete { Val = false },
                    new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
                    new C.MajorTickMark { Val = C.TickMarkValues.None },
                    new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                    new C.CrossingAxis { Val = ValueAxis },
                    new C.Crosses { Val = C.CrossesValues.AutoZero },
                    new C.AutoLabeled { Val = true },
                    new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                    new C.LabelOffset { Val = 100 }),
                new C.ValueAxis(
                    new C.AxisId { Val = ValueAxis },
                    new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                    new C.Delete { Val = false },
                    new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
                    new C.MajorGridlines(),
                    new C.NumberingFormat { FormatCode = NumberFormat(chart), SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                    new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                    new C.CrossingAxis { Val = CategoryAxis },
                    new C.Crosses { Val = C.CrossesValues.AutoZero },
                    new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        }

        return new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(
                    new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(chart.Title))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                plot,
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
    }

    private static T Series<T>(Chart chart, ChartRanges ranges, int index)
        where T : DocumentFormat.OpenXml.OpenXmlCompositeElement, new()
    {
        var series = new T();
        series.Append(
            new C.Index { Val = (uint)index },
            new C.Order { Val = (uint)index },
            new C.SeriesText(new C.StringReference(new C.Formula(ranges.SeriesNames[index]), Strings([chart.Series[index].Name]))));
        if (series is C.BarChartSeries)
        {
            series.Append(new C.InvertIfNegative { Val = false });
        }

        series.Append(
            new C.CategoryAxisData(new C.StringReference(new C.Formula(ranges.Categories), Strings(chart.Categories))),
            new C.Values(new C.NumberReference(new C.Formula(ranges.Values[index]), Numbers(chart.Series[index].Values, NumberFormat(chart)))));
        return series;
    }

    private static C.StringCache Strings(IReadOnlyList<string> values)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        }

        return cache;
    }

    private static C.NumberingCache Numbers(IReadOnlyList<decimal> values, string format)
    {
        var cache = new C.NumberingCache(new C.FormatCode(format), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.Append(new C.NumericPoint(new C.NumericValue(values[i].ToString(System.Globalization.CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        return cache;
    }

    private static string NumberFormat(Chart chart) => chart.Format == ChartValueFormat.Percent ? "0%" : "#,##0";
}
