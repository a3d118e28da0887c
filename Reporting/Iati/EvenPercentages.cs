namespace FundManager.Reporting.Iati;

/// <summary>
/// Shares of 100 for items of equal weight, to two decimals, that add up to exactly 100: IATI requires the
/// percentages of one sector vocabulary to sum to 100, and the grants give their SDG targets no weights.
/// </summary>
internal static class EvenPercentages
{
    /// <summary>Three items get 33.33, 33.33 and 33.34: the last takes what rounding down left over.</summary>
    public static IReadOnlyList<decimal> Split(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var share = Math.Floor(10_000m / count) / 100m;
        return [.. Enumerable.Repeat(share, count - 1), 100m - share * (count - 1)];
    }
}
