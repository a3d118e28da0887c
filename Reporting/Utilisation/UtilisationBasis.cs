namespace FundManager.Reporting.Utilisation;

/// <summary>Why a share of a disbursement is attributed to a donor: the earmark it matched, most specific first, or the donor's unearmarked share.</summary>
public enum UtilisationBasis
{
    EarmarkedToGrant,
    EarmarkedToCountry,
    EarmarkedToSdgTarget,
    EarmarkedToRegion,
    Unearmarked,
}
