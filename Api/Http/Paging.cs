namespace FundManager.Api.Http;

/// <summary>Limit-and-cursor paging over a list ordered by a stable key; the cursor is the last key of the page.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static Page<TView> Page<TItem, TView>(IEnumerable<TItem> items, Func<TItem, string> key, Func<TItem, TView> view, int? limit, string? cursor)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            throw RuleViolationOf("limit", $"limit is 1 to {MaxLimit}.");
        }

        if (cursor is { Length: > 200 })
        {
            throw RuleViolationOf("cursor", "The cursor is not one this API gave.");
        }

        var ordered = items.OrderBy(key, StringComparer.Ordinal).Where(i => cursor is null || string.CompareOrdinal(key(i), cursor) > 0).Take(size + 1).ToList();
        var more = ordered.Count > size;
        var page = ordered.Take(size).ToList();
        return new Page<TView>(page.Select(view).ToList(), more ? key(page[^1]) : null);
    }

    private static Common.RuleViolation RuleViolationOf(string field, string message) =>
        Common.RuleViolation.Of(Common.BusinessRule.InvalidInput, message, field);
}
