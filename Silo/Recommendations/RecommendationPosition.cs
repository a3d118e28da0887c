namespace FundManager.Recommendations;

/// <summary>The position the State under review took on a recommendation.</summary>
public enum RecommendationPosition
{
    Supported,
    Noted,
}
