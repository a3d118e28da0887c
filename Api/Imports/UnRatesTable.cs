using System.Globalization;
using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Api.Imports;

/// <summary>
/// The UN Treasury's table of operational rates of exchange, as published in CSV or XLSX: a header row naming at least the
/// currency code and the rate (units of the currency per US dollar), usually the effective date too; other columns
/// (country or area, currency name) are ignored. A file without a header holds <c>code,rate,date</c> on each line.
/// A row without a date takes the date the importer names: the first of the month for the monthly table, the revision's
/// date for a mid-month revision (which lists only the currencies that changed).
/// </summary>
public static class UnRatesTable
{
    public const int MaxRates = 10_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-MMM-yyyy", "d-MMM-yy", "d MMM yyyy", "d MMMM yyyy", "d-MMMM-yyyy", "yyyy/MM/dd", "d.M.yyyy"];

    /// <summary>The rates of <paramref name="rows"/>; a line that cannot be read is refused by its number (field <paramref name="field"/>).</summary>
    public static IReadOnlyList<RateLine> Parse(IReadOnlyList<TableRow> rows, DateOnly? effectiveOn, string field)
    {
        var content = rows.Where(r => !r.IsEmpty).ToList();
        if (content.Count == 0)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The file holds no rates.", field);
        }

        var columns = Columns.FromHeader(content[0]);
        var data = columns is null ? content : content.Skip(1);
        if (columns is null)
        {
            if (!TryRate(content[0].Cell(1), out _))
            {
                throw content[0].Refusal("no column is named as the currency code and the rate (units per US dollar).", field);
            }

            columns = new Columns(0, 1, 2);
        }

        var lines = new List<RateLine>();
        var seen = new Dictionary<(CurrencyCode, DateOnly), RateLine>();
        foreach (var row in data)
        {
            var line = ReadLine(row, columns, effectiveOn, field);
            if (seen.TryGetValue((line.Rate.Currency, line.Rate.EffectiveOn), out var earlier))
            {
                if (earlier.Rate.UnitsPerUsd != line.Rate.UnitsPerUsd)
                {
                    throw RuleViolation.Of(
                        BusinessRule.ExchangeRateConflict,
                        $"Lines {earlier.Line} and {row.Line} give {line.Rate.Currency} two rates effective {line.Rate.EffectiveOn:yyyy-MM-dd}.",
                        field, ("line", row.Line), ("currency", line.Rate.Currency.Code));
                }

                continue;
            }

            seen.Add((line.Rate.Currency, line.Rate.EffectiveOn), line);
            lines.Add(line);
        }

        return lines;
    }

    private static RateLine ReadLine(TableRow row, Columns columns, DateOnly? effectiveOn, string field)
    {
        RuleViolation Bad(string what) => row.Refusal(what, field);
        var at = $"line {row.Line}";
        var code = row.Cell(columns.Code);
        if (!CurrencyCode.TryParse(code, out var currency))
        {
            throw row.Refusal($"'{Shown(code)}' is not an ISO 4217 currency code.", field, BusinessRule.UnknownCurrency);
        }

        if (!TryRate(row.Cell(columns.Rate), out var rate))
        {
            throw Bad($"the rate '{Shown(row.Cell(columns.Rate))}' is not a number of units per US dollar.");
        }

        var dateText = columns.Date is { } date ? row.Cell(date) : "";
        DateOnly on;
        if (dateText.Length == 0)
        {
            on = effectiveOn ?? throw Bad("no effective date: the file has none, and none was given with it.");
        }
        else if (!TryDate(dateText, out on))
        {
            throw Bad($"the effective date '{Shown(dateText)}' is not a date (2026-11-01 or 01-Nov-2026).");
        }

        try
        {
            return new RateLine(row.Line, new ExchangeRate(currency, rate, BusinessDate.Check(on, at)));
        }
        catch (RuleViolation e)
        {
            throw LineRefusal.Of(e, row.Line, field);
        }
    }

    private static bool TryRate(string text, out decimal rate) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out rate);

    // A workbook's date is a serial day number (days since 30 December 1899), unless the cell holds it as text.
    private static bool TryDate(string text, out DateOnly on)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466)
        {
            on = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out on);
    }

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private sealed record Columns(int Code, int Rate, int? Date)
    {
        public static Columns? FromHeader(TableRow header)
        {
            var names = header.ColumnNames();
            var code = names.FindIndex(n => n is "code" or "currencycode" or "isocode" or "iso" or "isocurrencycode");
            code = code >= 0 ? code : names.FindIndex(n => n == "currency");
            var rate = names.FindIndex(n => n.Contains("rate", StringComparison.Ordinal) || n == "unitsperusd");
            var date = names.FindIndex(n => n.Contains("effective", StringComparison.Ordinal) || n == "date");
            return code >= 0 && rate >= 0 ? new Columns(code, rate, date >= 0 ? date : null) : null;
        }
    }
}
