using System.Globalization;
using FundManager.Common;

namespace FundManager.Ledger;

/// <summary>
/// Where a line stands in an account's activity (entry date, then sequence and line): a page of the activity starts
/// after one. Written as <c>2025-03-01.1234.2</c> in the cursor a page hands to the next.
/// </summary>
public readonly record struct AccountActivityPosition(DateOnly Date, long Sequence, int Line)
{
    public static AccountActivityPosition Of(AccountActivityLine line) => new(line.Date, line.Sequence, line.LineNo);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd}.{Sequence}.{Line}");

    /// <summary>Reads a cursor; anything else is refused, naming <paramref name="field"/>.</summary>
    public static AccountActivityPosition Parse(string text, string field)
    {
        var parts = text.Split('.');
        return parts.Length == 3
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                ? new AccountActivityPosition(date, sequence, line)
                : throw RuleViolation.Of(BusinessRule.InvalidInput, "The cursor is one a page of this account's activity gave as nextCursor.", field);
    }
}
