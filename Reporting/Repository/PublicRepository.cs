using FundManager.Entities;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Reference;

namespace FundManager.Reporting.Repository;

/// <summary>
/// The public repository of technical-cooperation activities: grants approved (and those active, completed or closed
/// since), searched by country, region, UPR recommendation, SDG target, cooperation modality and year, in pages by id.
/// Country, region, modality and year filter the grants' listings in the database; recommendation and SDG target the
/// grants read, a batch at a time, until the page is full.
/// </summary>
public sealed class PublicRepository(FundSystem system)
{
    public static readonly IReadOnlyList<GrantStatus> Public = [GrantStatus.Approved, GrantStatus.Active, GrantStatus.Completed, GrantStatus.Closed];

    private const int Batch = 200;

    /// <summary>Up to <paramref name="limit"/> activities after <see cref="ActivitySearch.After"/>, and whether more follow.</summary>
    public async Task<(IReadOnlyList<PublicActivity> Page, bool More)> SearchAsync(ActivitySearch search, int limit, CancellationToken ct = default)
    {
        var found = new List<PublicActivity>();
        var after = search.After;
        while (true)
        {
            var query = new ListingQuery(EntityKind.Grant, Batch)
            {
                Statuses = [.. Public.Select(s => s.ToString())],
                Country = search.Country?.ToUpperInvariant(),
                Region = search.Region?.ToString(),
                Category = search.Modality?.ToString(),
                Year = search.Year,
                After = after,
            };
            var grants = await system.Entities.ListAsync<Grant, GrantEvent>(query, ct);
            foreach (var grant in grants.Where(g => Matches(g, search)))
            {
                if (found.Count == limit)
                {
                    return (found, true);
                }

                found.Add(Of(grant));
            }

            if (grants.Count < Batch)
            {
                return (found, false);
            }

            after = grants[^1].Id.ToString();
        }
    }

    /// <summary>One activity, or null when there is none by this id the public may see.</summary>
    public async Task<PublicActivity?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var grant = await system.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new Common.GrantId(id)), ct);
        return grant.Exists && Public.Contains(grant.Status) ? Of(grant) : null;
    }

    private static bool Matches(Grant grant, ActivitySearch search) =>
        (search.Recommendation is not { } recommendation || grant.Details.Recommendations.Contains(recommendation.Trim(), StringComparer.OrdinalIgnoreCase))
        && (search.SdgTarget is not { } target || grant.Details.SdgTargets.Contains(target.Trim(), StringComparer.OrdinalIgnoreCase));

    private static PublicActivity Of(Grant grant)
    {
        var details = grant.Details;
        var statuses = grant.CurrentRecommendationStatus;
        var asOf = DateOnly.MaxValue;
        return new PublicActivity(
            grant.Id.Value,
            grant.Fund.Value,
            details.Title,
            details.Summary,
            details.Country.Value,
            CountryCatalog.Default.NameOf(details.Country),
            OhchrRegions.DisplayName(details.Region),
            details.Modality.ToString(),
            details.ImplementingEntity.Name,
            details.ImplementingEntity.Type.ToString(),
            details.Period.Start,
            details.Period.End,
            grant.Status.ToString(),
            grant.ApprovedOn,
            grant.DirectBudget.Amount,
            grant.Disbursed.Amount,
            [.. details.Recommendations.Select(r => new PublicRecommendation(r, statuses.TryGetValue(r, out var s) ? s.ToString() : null))],
            details.SdgTargets,
            [.. grant.Indicators.Select(i => grant.LatestReading(i.Id, asOf) is { } reading
                ? new PublicIndicator(i.Name, i.Unit, i.Baseline, i.Target, reading.Value, reading.PeriodEnd)
                : new PublicIndicator(i.Name, i.Unit, i.Baseline, i.Target, null, null))]);
    }
}
