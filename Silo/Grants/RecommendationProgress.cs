using FundManager.Common;

namespace FundManager.Grants;

/// <summary>One recorded implementation status of a UPR recommendation served by a grant; every change is kept.</summary>
public sealed record RecommendationProgress(string Recommendation, ImplementationStatus Status, string Evidence, DateOnly AsOf, UserId RecordedBy);
