namespace FundManager.Pledges;

/// <summary>What a contribution is restricted to.</summary>
public enum EarmarkKind
{
    Unearmarked,
    Region,
    Country,
    SdgTarget,
    Grant,
}
