using System.Globalization;
using FundManager.Grants;

namespace FundManager.Api.Portal;

/// <summary>Money, dates, numbers and names as the pages show them: every amount with its currency, dates spelled out.</summary>
public static class PortalText
{
    public static string Usd(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture) + " USD";

    public static string Money(Finance.Money money) => money.ToString();

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>An exchange rate (units per USD) to its last significant decimal: 10.7235, not 10.72.</summary>
    public static string Rate(decimal unitsPerUsd) => unitsPerUsd.ToString("#,0.##########", CultureInfo.InvariantCulture);

    /// <summary>The codes or ids of a list typed in one field, separated by commas, semicolons, spaces or lines.</summary>
    public static IReadOnlyList<string> Items(string? list) =>
        [.. (list ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Percent(decimal rate) => rate.ToString("P1", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Period(DateOnly start, DateOnly end) => $"{Date(start)} to {Date(end)}";

    public static string Modality(CooperationModality modality) => modality switch
    {
        CooperationModality.NorthSouth => "North–South",
        CooperationModality.SouthSouth => "South–South",
        CooperationModality.Triangular => "Triangular",
        _ => "Multilateral",
    };

    /// <summary>A status's name as words: <c>FullyImplemented</c> is "fully implemented".</summary>
    public static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : i == 0 ? char.ToLowerInvariant(c).ToString() : c.ToString()));

    public static string Modality(string modality) => Enum.TryParse<CooperationModality>(modality, out var known) ? Modality(known) : modality;
}
