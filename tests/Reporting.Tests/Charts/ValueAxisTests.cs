using FsCheck;
using FsCheck.Fluent;
using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Tests.Charts;

public sealed class ValueAxisTests
{
    [Fact]
    public void Dollar_ticks_are_round_steps_written_in_thousands()
    {
        var axis = ValueAxis.For(0, 2_100_000, 6, ChartValueFormat.Usd);

        Assert.Equal(["0", "500", "1,000", "1,500", "2,000", "2,500"], axis.Labels);
        Assert.Equal("US$ thousands", axis.Caption);
    }

    [Fact]
    public void A_quarter_step_keeps_its_decimal_and_larger_units_are_named()
    {
        var billions = ValueAxis.For(0, 9_000_000_000, 4, ChartValueFormat.Usd);
        var millions = ValueAxis.For(0, 74_000_000, 3, ChartValueFormat.Usd);

        Assert.Equal(["0.0", "2.5", "5.0", "7.5", "10.0"], billions.Labels);
        Assert.Equal("US$ billions", billions.Caption);
        Assert.Equal(["0", "25", "50", "75"], millions.Labels);
        Assert.Equal("US$ millions", millions.Caption);
    }

    [Fact]
    public void Percent_ticks_end_in_a_percent_sign_and_reach_below_zero_for_negative_values()
    {
        var axis = ValueAxis.For(-0.05, 0.81, 7, ChartValueFormat.Percent);

        Assert.Equal(["-20%", "0%", "20%", "40%", "60%", "80%", "100%"], axis.Labels);
        Assert.Equal("", axis.Caption);
    }

    [Fact]
    public void The_step_that_wastes_least_axis_is_chosen_among_those_that_fit()
    {
        Assert.Equal(-500_000, ValueAxis.For(-150_000, 3_000_000, 8, ChartValueFormat.Usd).Minimum);
        Assert.Equal(-1_000_000, ValueAxis.For(-150_000, 3_000_000, 5, ChartValueFormat.Usd).Minimum);
    }

    [Fact]
    public void All_zero_values_get_an_axis_from_zero_to_one_whole_unit()
    {
        Assert.Equal(["0", "1"], ValueAxis.For(0, 0, 6, ChartValueFormat.Usd).Labels);
        Assert.Equal(100, ValueAxis.For(0, 0, 6, ChartValueFormat.Percent).Maximum * 100, 9);
    }

    [Fact]
    public void Any_axis_covers_its_values_and_zero_in_at_most_the_steps_allowed_with_distinct_labels()
    {
        var cases =
            from low in Gen.Choose(-1_000_000_000, 1_000_000_000)
            from high in Gen.Choose(-1_000_000_000, 1_000_000_000)
            from scale in Gen.Elements(1e-6, 1e-3, 1.0, 1e3, 1e9)
            from steps in Gen.Choose(2, 8)
            from format in Gen.Elements(ChartValueFormat.Usd, ChartValueFormat.Percent)
            select (Low: Math.Min(low, high) * scale, High: Math.Max(low, high) * scale, Steps: steps, Format: format);

        var property = Prop.ForAll(Arb.From(cases), c =>
        {
            var axis = ValueAxis.For(c.Low, c.High, c.Steps, c.Format);
            var step = axis.Ticks[1] - axis.Ticks[0];
            return axis.Minimum <= Math.Min(0, c.Low)
                && axis.Maximum >= Math.Max(0, c.High)
                && axis.Ticks.Count - 1 <= c.Steps
                && axis.Ticks.Contains(0)
                && axis.Ticks.Zip(axis.Ticks.Skip(1), (a, b) => Math.Abs(b - a - step) <= step * 1e-9).All(even => even)
                && axis.Labels.Distinct().Count() == axis.Labels.Count
                && (c.Format == ChartValueFormat.Percent || step >= 1);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true), property);
    }
}
