using System.Globalization;
using FundManager.Common;
using FundManager.Funds;

namespace FundManager.Reporting.Exports;

/// <summary>
/// What to export: one fund's entries dated from <see cref="From"/> to <see cref="To"/>, both inclusive and both optional
/// (from the first entry, to the last), in one <see cref="Format"/>.
/// </summary>
public sealed record LedgerExportRequest
{
    public LedgerExportRequest(FundCode fund, DateOnly? from, DateOnly? to, ExportFormat format)
    {
        if (from is { } start && to is { } end && start > end)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"from ({Iso(start)}) is after to ({Iso(end)}).", "from");
        }

        Fund = fund;
        From = from;
        To = to;
        Format = format;
    }

    public FundCode Fund { get; }

    public DateOnly? From { get; }

    public DateOnly? To { get; }

    public ExportFormat Format { get; }

    /// <summary>The format's name as the command line, the API and the manifest write it: <c>csv</c> or <c>xlsx</c>.</summary>
    public string FormatName => Name(Format);

    public static string Name(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    /// <summary>Reads <c>csv</c> or <c>xlsx</c> (any case); anything else is <see cref="BusinessRule.InvalidInput"/> on <paramref name="field"/>.</summary>
    public static ExportFormat ParseFormat(string? value, string field = "format") => value?.Trim().ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        null or "" => throw RuleViolation.Of(BusinessRule.InvalidInput, "format is required: csv or xlsx.", field),
        _ => throw RuleViolation.Of(BusinessRule.InvalidInput, $"format must be csv or xlsx, not '{value}'.", field),
    };

    /// <summary>Reads an optional date written <c>yyyy-MM-dd</c>; anything else is <see cref="BusinessRule.InvalidInput"/> on <paramref name="field"/>.</summary>
    public static DateOnly? ParseDate(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw RuleViolation.Of(BusinessRule.InvalidInput, $"{field} must be a date written yyyy-MM-dd, not '{value}'.", field);

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
