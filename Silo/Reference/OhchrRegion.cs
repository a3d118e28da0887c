namespace FundManager.Reference;

/// <summary>The five regions in which OHCHR organises its field presence and technical cooperation.</summary>
public enum OhchrRegion
{
    Africa,
    Americas,
    AsiaPacific,
    EuropeAndCentralAsia,
    MiddleEastAndNorthAfrica,
}
