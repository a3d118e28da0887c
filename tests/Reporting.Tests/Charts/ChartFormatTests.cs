using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Tests.Charts;

public sealed class ChartFormatTests
{
    [Theory]
    [InlineData("1234567.5", "US$ 1,234,568")]
    [InlineData("1234567.49", "US$ 1,234,567")]
    [InlineData("0.49", "US$ 0")]
    [InlineData("999.5", "US$ 1,000")]
    [InlineData("-1234.5", "-US$ 1,235")]
    [InlineData("-0.4", "US$ 0")]
    [InlineData("79228162514264337593543950335", "US$ 79,228,162,514,264,337,593,543,950,335")]
    public void Dollar_amounts_are_whole_dollars_grouped_by_thousands(string amount, string expected)
    {
        Assert.Equal(expected, ChartFormat.Usd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0.25", "25%")]
    [InlineData("0.125", "12.5%")]
    [InlineData("0.12345", "12.3%")]
    [InlineData("0.00049", "0%")]
    [InlineData("-0.0004", "0%")]
    [InlineData("-0.05", "-5%")]
    [InlineData("12.5", "1,250%")]
    public void Shares_are_percentages_to_one_decimal_with_a_closed_up_sign(string share, string expected)
    {
        Assert.Equal(expected, ChartFormat.Percent(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
