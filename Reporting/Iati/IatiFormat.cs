using System.Globalization;

namespace FundManager.Reporting.Iati;

/// <summary>How values are written in the activity file: XML Schema's lexical forms, whatever the machine's culture.</summary>
internal static class IatiFormat
{
    // xsd:decimal has no exponent; this pattern never produces one and drops trailing zeros (45000.00 → 45000).
    private const string DecimalPattern = "0.############################";

    public static string Decimal(decimal value) => value.ToString(DecimalPattern, CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An xsd:dateTime in UTC, to the second.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
