using FundManager.Funds;

namespace FundManager.Persistence;

/// <summary>
/// A page of one kind of entity, filtered by their listings and ordered by key: the entities whose key
/// comes after <see cref="After"/>, at most <see cref="Limit"/>. A filter left null does not apply.
/// </summary>
public sealed record ListingQuery(string Kind, int Limit)
{
    public FundCode? Fund { get; init; }

    public Guid? Donor { get; init; }

    public string? Status { get; init; }

    /// <summary>Entities in any of these statuses.</summary>
    public IReadOnlyList<string>? Statuses { get; init; }

    public string? Category { get; init; }

    public string? Country { get; init; }

    public string? Region { get; init; }

    /// <summary>Entities that concern this year (a pledge with an instalment due in it, a grant running in it).</summary>
    public int? Year { get; init; }

    /// <summary>Entities awaiting any of these steps (see <see cref="Entities.Listing.Awaiting"/>).</summary>
    public IReadOnlyList<string>? Awaiting { get; init; }

    /// <summary>The key (not the stream id) of the last entity of the previous page.</summary>
    public string? After { get; init; }
}
