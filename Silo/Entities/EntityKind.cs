namespace FundManager.Entities;

/// <summary>The kinds of single-writer entity, as written in stream ids.</summary>
public static class EntityKind
{
    public const string Fund = "fund";
    public const string Donor = "donor";
    public const string Pledge = "pledge";
    public const string Grant = "grant";
    public const string Recommendation = "recommendation";
}
