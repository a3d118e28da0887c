using FundManager.Recommendations;

namespace FundManager.Api.Imports;

/// <summary>A recommendation read from a line of a Universal Human Rights Index export.</summary>
public sealed record UhriLine(int Line, RegisterRecommendation Recommendation);
