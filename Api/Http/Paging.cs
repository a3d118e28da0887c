using FundManager.Entities;
using FundManager.Persistence;

namespace FundManager.Api.Http;

/// <summary>
/// Limit-and-cursor paging. Entities are paged by key through their listings; the cursor is the last key of the
/// page. Histories (receipts, journal entries, audit records) are paged by position; the cursor is the last position.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    private const int MaxCursorLength = 200;

    /// <summary>The page size asked for, checked.</summary>
    public static int Limit(int? limit) =>
        (limit ?? DefaultLimit) is var size and >= 1 and <= MaxLimit ? size : throw Invalid("limit", $"limit is 1 to {MaxLimit}.");

    /// <summary>A listing query for one page of <paramref name="kind"/>: one more than the page, to know whether another follows.</summary>
    public static ListingQuery Query(string kind, int? limit, string? cursor) =>
        cursor is { Length: > MaxCursorLength }
            ? throw Invalid("cursor", "The cursor is not one this API gave.")
            : new ListingQuery(kind, Limit(limit) + 1) { After = cursor };

    /// <summary>The page a listing query found, each entity shown through <paramref name="view"/>.</summary>
    public static async Task<Page<TView>> PageAsync<TEntity, TEvent, TView>(
        FundSystem system, ListingQuery query, Func<TEntity, string> key, Func<TEntity, TView> view, CancellationToken ct)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var found = await system.Entities.ListAsync<TEntity, TEvent>(query, ct);
        return Of(found, query.Limit - 1, key, view);
    }

    /// <summary>The position a history's cursor stands for (null for the first page).</summary>
    public static long? Position(string? cursor) =>
        cursor is null ? null
        : long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position) ? position
        : throw Invalid("cursor", "The cursor is not one this API gave.");

    /// <summary>A page of <paramref name="size"/> from what was fetched (up to one more than the page).</summary>
    public static Page<TView> Of<TItem, TView>(IReadOnlyList<TItem> fetched, int size, Func<TItem, string> key, Func<TItem, TView> view)
    {
        var page = fetched.Take(size).ToList();
        return new Page<TView>(page.Select(view).ToList(), fetched.Count > size ? key(page[^1]) : null);
    }

    private static Common.RuleViolation Invalid(string field, string message) =>
        Common.RuleViolation.Of(Common.BusinessRule.InvalidInput, message, field);
}
