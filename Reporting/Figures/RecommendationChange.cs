using FundManager.Grants;

namespace FundManager.Reporting.Figures;

/// <summary>A change in the implementation status of a UPR recommendation served by a grant, dated in the period.</summary>
public sealed record RecommendationChange(
    Guid Grant, string GrantTitle, string Country, string Recommendation, string Text, ImplementationStatus Status, ImplementationStatus? Previous, string Evidence, DateOnly AsOf, string RecordedBy);
