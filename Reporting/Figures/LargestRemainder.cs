using FundManager.Common;

namespace FundManager.Reporting.Figures;

/// <summary>
/// Splits an amount in whole cents into parts proportional to weights, each a whole number of cents, that add up to
/// the amount exactly (the largest remainder method): every part first gets its share rounded down, then the cents
/// left over go one each to the parts with the largest remainders (ties to the earlier part).
/// </summary>
public static class LargestRemainder
{
    public static decimal[] Split(decimal amount, IReadOnlyList<decimal> weights)
    {
        Preconditions.Require(amount >= 0m && decimal.Round(amount, 2) == amount, nameof(amount), "The amount is whole cents, not negative.");
        Preconditions.Require(weights.All(w => w >= 0m), nameof(weights), "Weights are not negative.");
        var parts = new decimal[weights.Count];
        var total = weights.Sum();
        if (amount == 0m)
        {
            return parts;
        }

        Preconditions.Require(total > 0m, nameof(weights), "Something to split among.");
        var cents = amount * 100m;
        var remainders = new decimal[weights.Count];
        var given = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = cents * (weights[i] / total);
            parts[i] = decimal.Floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }

        // Rounding the ratios to 28 digits may leave a cent more or less than the exact shares would; the
        // loop hands out whatever is left, so the sum is exact whatever the precision.
        var order = Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0m).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToList();
        for (var k = 0; given < cents; k++)
        {
            parts[order[k % order.Count]] += 1m;
            given += 1m;
        }

        for (var k = order.Count - 1; given > cents; k--)
        {
            var i = order[((k % order.Count) + order.Count) % order.Count];
            if (parts[i] > 0m)
            {
                parts[i] -= 1m;
                given -= 1m;
            }
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] /= 100m;
        }

        return parts;
    }
}
