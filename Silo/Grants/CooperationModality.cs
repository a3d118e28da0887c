namespace FundManager.Grants;

/// <summary>How the technical cooperation is delivered.</summary>
public enum CooperationModality
{
    NorthSouth,
    SouthSouth,
    Triangular,
    Multilateral,
}
