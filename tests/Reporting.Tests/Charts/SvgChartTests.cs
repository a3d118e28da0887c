using System.Globalization;
using System.Xml.Linq;
using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Tests.Charts;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = SvgChart.Namespace;

    [Fact]
    public void A_column_chart_is_well_formed_svg_with_one_column_per_category_and_series()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.TwoSeries(ChartKind.Column)));

        var bars = Bars(svg);
        Assert.Equal(6, bars.Count);
        var pairs = bars.Select(bar => (Series: (string?)bar.Attribute("data-series"), Category: (string?)bar.Attribute("data-category"))).ToHashSet();
        Assert.Equal(6, pairs.Count);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal(SvgChart.Namespace, svg.Root.Name.NamespaceName);
    }

    [Fact]
    public void Column_heights_are_proportional_to_the_values_and_stand_on_one_zero_line()
    {
        var bars = Bars(XDocument.Parse(SvgChart.Render(SampleCharts.Columns(300m, 100m, 250m))));

        Assert.Equal(3.0, Number(bars[0], "height") / Number(bars[1], "height"), 2);
        Assert.Equal(Number(bars[0], "y") + Number(bars[0], "height"), Number(bars[1], "y") + Number(bars[1], "height"), 1);
        Assert.True(Number(bars[0], "x") < Number(bars[1], "x"), "categories run left to right");
    }

    [Fact]
    public void Bar_lengths_are_proportional_to_the_values_and_start_at_one_zero_line()
    {
        var bars = Bars(XDocument.Parse(SvgChart.Render(SampleCharts.Bars(1_000_000m, 4_000_000m))));

        Assert.Equal(4.0, Number(bars[1], "width") / Number(bars[0], "width"), 2);
        Assert.Equal(Number(bars[0], "x"), Number(bars[1], "x"), 1);
        Assert.True(Number(bars[0], "y") < Number(bars[1], "y"), "categories run top to bottom");
    }

    [Fact]
    public void A_negative_column_hangs_below_the_zero_line_and_a_negative_bar_reaches_left_of_it()
    {
        var columns = Bars(XDocument.Parse(SvgChart.Render(SampleCharts.Columns(200m, -100m))));
        var zeroY = Number(columns[0], "y") + Number(columns[0], "height");
        Assert.Equal(zeroY, Number(columns[1], "y"), 1);
        Assert.Equal(2.0, Number(columns[0], "height") / Number(columns[1], "height"), 2);

        var bars = Bars(XDocument.Parse(SvgChart.Render(SampleCharts.Bars(200m, -100m))));
        var zeroX = Number(bars[0], "x");
        Assert.Equal(zeroX, Number(bars[1], "x") + Number(bars[1], "width"), 1);
        Assert.Equal(2.0, Number(bars[0], "width") / Number(bars[1], "width"), 2);
    }

    [Fact]
    public void Labels_are_xml_escaped_and_read_back_unchanged()
    {
        var chart = new Chart("Funding <2024> & \"after\"", ChartKind.Bar, ["R&D <core>", "Plain"], [new ChartSeries("A&B", [1m, 2m]), new ChartSeries("C", [3m, 4m])]);

        var markup = SvgChart.Render(chart);
        var svg = XDocument.Parse(markup);

        Assert.Contains("R&amp;D &lt;core&gt;", markup);
        Assert.DoesNotContain("<core>", markup);
        Assert.Contains(Texts(svg), text => text == "R&D <core>");
        Assert.Contains(Texts(svg), text => text == "A&B");
        Assert.Equal("Funding <2024> & \"after\"", (string?)svg.Root!.Attribute("aria-label"));
    }

    [Fact]
    public void Dollar_values_are_labelled_in_whole_us_dollars_with_the_axis_in_thousands()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.Bars(1_234_567.5m, 20_000m)));

        Assert.Contains("US$ 1,234,568", Texts(svg));
        Assert.Contains("US$ 20,000", Texts(svg));
        Assert.Contains("US$ thousands", Texts(svg));
        Assert.Contains("1,000", Texts(svg));
    }

    [Fact]
    public void Percent_values_are_labelled_with_a_closed_up_percent_sign()
    {
        var chart = new Chart("Reported on time", ChartKind.Column, ["2023", "2024"], [new ChartSeries("Share", [0.25m, 0.125m])], ChartValueFormat.Percent);

        var texts = Texts(XDocument.Parse(SvgChart.Render(chart)));

        Assert.Contains("25%", texts);
        Assert.Contains("12.5%", texts);
        Assert.Contains("0%", texts);
        Assert.DoesNotContain(texts, text => text.Contains(" %", StringComparison.Ordinal) || text.Contains("US$", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chart_without_categories_says_no_data_and_draws_no_bars()
    {
        var svg = XDocument.Parse(SvgChart.Render(new Chart("Nothing yet", ChartKind.Column, [], [])));

        Assert.Contains("No data", Texts(svg));
        Assert.Empty(Bars(svg));
        Assert.Contains("No data", svg.Root!.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void A_chart_whose_values_are_all_zero_draws_flat_bars_on_an_axis_from_zero()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.Columns(0m, 0m, 0m)));

        Assert.Equal(3, Bars(svg).Count);
        Assert.All(Bars(svg), bar => Assert.Equal(0, Number(bar, "height")));
        Assert.Contains("US$ 0", Texts(svg));
        Assert.Contains("0", Texts(svg));
    }

    [Fact]
    public void A_pie_whose_values_are_all_zero_says_no_data()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.Pie(0m, 0m)));

        Assert.Contains("No data", Texts(svg));
        Assert.Empty(svg.Descendants(Svg + "path"));
    }

    [Fact]
    public void A_very_long_label_is_cut_with_an_ellipsis_and_kept_whole_in_the_bar_title()
    {
        var name = "United Kingdom of Great Britain and Northern Ireland, Department for International Development";
        var chart = new Chart("Donors", ChartKind.Bar, [name, "Norway"], [new ChartSeries("2024", [5m, 6m])]);

        var svg = XDocument.Parse(SvgChart.Render(chart));

        var label = Assert.Single(Texts(svg), text => text.StartsWith("United Kingdom", StringComparison.Ordinal));
        Assert.EndsWith("\u2026", label);
        Assert.InRange(label.Length, 10, 30);
        Assert.Contains(Bars(svg), bar => bar.Element(Svg + "title")!.Value == name + ": US$ 5");
    }

    [Fact]
    public void A_single_category_is_one_column_of_moderate_width()
    {
        var bar = Assert.Single(Bars(XDocument.Parse(SvgChart.Render(SampleCharts.Columns(42m)))));

        Assert.InRange(Number(bar, "width"), 10, 6 * 12);
        Assert.True(Number(bar, "height") > 100);
    }

    [Fact]
    public void Several_series_take_palette_colours_in_order_and_get_a_legend()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.TwoSeries(ChartKind.Bar)));

        Assert.All(Bars(svg).Where(bar => (string?)bar.Attribute("data-series") == "0"), bar => Assert.Equal("#0072B2", (string?)bar.Attribute("fill")));
        Assert.All(Bars(svg).Where(bar => (string?)bar.Attribute("data-series") == "1"), bar => Assert.Equal("#E69F00", (string?)bar.Attribute("fill")));
        Assert.Contains("Pledged", Texts(svg));
        Assert.Contains("Paid", Texts(svg));
    }

    [Fact]
    public void A_pie_draws_a_wedge_per_category_and_lists_each_with_its_share()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.Pie(100m, 300m)));

        Assert.Equal(2, svg.Descendants(Svg + "path").Count());
        Assert.Contains("A: 25% (US$ 100)", Texts(svg));
        Assert.Contains("B: 75% (US$ 300)", Texts(svg));
    }

    [Fact]
    public void A_pie_of_one_category_is_a_whole_circle()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.Pie(0m, 7m)));

        Assert.Single(svg.Descendants(Svg + "circle"));
        Assert.Empty(svg.Descendants(Svg + "path"));
        Assert.Contains("A: 0% (US$ 0)", Texts(svg));
    }

    [Fact]
    public void A_pie_of_more_than_eight_categories_groups_the_smallest_as_other()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.Pie(10m, 1m, 9m, 8m, 7m, 6m, 5m, 4m, 2m, 3m)));

        Assert.Equal(8, svg.Descendants(Svg + "path").Count());
        Assert.Contains("Other: 10.9% (US$ 6)", Texts(svg));
        Assert.DoesNotContain(Texts(svg), text => text.StartsWith("B:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pie_with_a_negative_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SvgChart.Render(SampleCharts.Pie(5m, -1m)));
    }

    [Fact]
    public void A_series_with_the_wrong_number_of_values_is_refused()
    {
        var chart = new Chart("Broken", ChartKind.Column, ["A", "B"], [new ChartSeries("2024", [1m])]);

        Assert.Throws<ArgumentException>(() => SvgChart.Render(chart));
    }

    [Fact]
    public void The_svg_is_self_contained_and_labelled_for_screen_readers()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.TwoSeries(ChartKind.Column)));
        var root = svg.Root!;

        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("Pledged and paid", (string?)root.Attribute("aria-label"));
        Assert.Equal("'DejaVu Sans', sans-serif", (string?)root.Attribute("font-family"));
        Assert.Equal(Svg + "title", root.Elements().First().Name);
        Assert.Contains("Germany US$ 2,000,000", root.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "style" or "foreignObject" or "image" or "use");
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName == "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_in_attributes_are_plain_invariant_decimals()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleCharts.TwoSeries(ChartKind.Column), 333, 187));
        var coordinates = svg.Descendants().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "x1" or "y2" or "font-size");

        Assert.All(coordinates, a => Assert.Matches(@"^-?\d+(\.\d{1,2})?$", a.Value));
    }

    private static List<XElement> Bars(XDocument svg) =>
        svg.Descendants(Svg + "rect").Where(rect => (string?)rect.Attribute("class") == "bar").ToList();

    private static List<string> Texts(XDocument svg) => svg.Descendants(Svg + "text").Select(text => text.Value).ToList();

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
