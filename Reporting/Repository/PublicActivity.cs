namespace FundManager.Reporting.Repository;

/// <summary>
/// An approved grant as the public repository of technical-cooperation activities shows it: what it is for, who carries
/// it out, where and how, what was approved and paid out (USD), which UPR recommendations and SDG targets it serves, and
/// the outcomes reported. Nothing about donors, consent or the secretariat's review is in it.
/// </summary>
public sealed record PublicActivity(
    Guid Id,
    string Fund,
    string Title,
    string Purpose,
    string Country,
    string CountryName,
    string Region,
    string Modality,
    string ImplementingEntity,
    string ImplementingEntityType,
    DateOnly Start,
    DateOnly End,
    string Status,
    DateOnly? ApprovedOn,
    decimal ApprovedUsd,
    decimal DisbursedUsd,
    IReadOnlyList<PublicRecommendation> Recommendations,
    IReadOnlyList<string> SdgTargets,
    IReadOnlyList<PublicIndicator> Indicators);

/// <summary>A UPR recommendation a grant serves, and how far its implementation has come by the grant's reports.</summary>
public sealed record PublicRecommendation(string Id, string? Status);

/// <summary>An indicator of a grant's outcomes: its baseline, target, and the latest value an accepted report gave.</summary>
public sealed record PublicIndicator(string Name, string Unit, decimal Baseline, decimal Target, decimal? Latest, DateOnly? LatestAsOf);
