using System.Globalization;

namespace FundManager.Api.Portal;

/// <summary>Dates as the ledger pages' filters send them (yyyy-MM-dd): an empty field is no filter, anything else unreadable is refused by name.</summary>
public static class PortalDates
{
    /// <summary>The date a filter field holds; one that cannot be read puts its message under <paramref name="field"/> in <paramref name="errors"/>.</summary>
    public static DateOnly? Read(string? text, string field, IDictionary<string, string> errors)
    {
        if (TryRead(text, out var date))
        {
            return date;
        }

        errors[field] = "Write the date as yyyy-mm-dd, for example 2025-12-31.";
        return null;
    }

    private static bool TryRead(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var read))
        {
            date = read;
            return true;
        }

        return false;
    }

    public static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
