namespace FundManager.Reporting.Utilisation;

/// <summary>
/// One amount the fund spent in the period (USD, whole cents) with what an earmark can match: the grant, its country
/// (ISO alpha-3), its OHCHR region (by name) and its SDG targets.
/// </summary>
public sealed record SpendingItem(
    string Fund, Guid Grant, int Tranche, DateOnly PaidOn, SpendingKind Kind, decimal Amount, string Country, string Region, IReadOnlyList<string> SdgTargets)
{
    /// <summary>Whether money earmarked this way may pay for this item.</summary>
    public bool Matches(UtilisationBasis basis, string target) => basis switch
    {
        UtilisationBasis.EarmarkedToGrant => string.Equals(Grant.ToString("D"), target, StringComparison.OrdinalIgnoreCase),
        UtilisationBasis.EarmarkedToCountry => Country == target,
        UtilisationBasis.EarmarkedToSdgTarget => SdgTargets.Contains(target),
        UtilisationBasis.EarmarkedToRegion => Region == target,
        _ => true,
    };
}
