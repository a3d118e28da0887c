namespace FundManager.Reference;

/// <summary>How the OHCHR regions are written in reports.</summary>
public static class OhchrRegions
{
    public static string DisplayName(OhchrRegion region) => region switch
    {
        OhchrRegion.Africa => "Africa",
        OhchrRegion.Americas => "Americas",
        OhchrRegion.AsiaPacific => "Asia-Pacific",
        OhchrRegion.EuropeAndCentralAsia => "Europe and Central Asia",
        OhchrRegion.MiddleEastAndNorthAfrica => "Middle East and North Africa",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };
}
