using FundManager.Donors;

namespace FundManager.Api.Demo;

/// <summary>One demo donor: who it is and the currency it pledges in.</summary>
public sealed record DemoDonor(string Key, string Name, DonorType Type, string? Country, string Currency)
{
    public Guid Id => DemoIds.For("donor", Key);

    /// <summary>The demo's donors: Member States, organisations, foundations, companies and individuals.</summary>
    public static IReadOnlyList<DemoDonor> All { get; } =
    [
        new("norway", "Norway", DonorType.MemberState, "NOR", "NOK"),
        new("germany", "Germany", DonorType.MemberState, "DEU", "EUR"),
        new("sweden", "Sweden", DonorType.MemberState, "SWE", "SEK"),
        new("switzerland", "Switzerland", DonorType.MemberState, "CHE", "CHF"),
        new("japan", "Japan", DonorType.MemberState, "JPN", "JPY"),
        new("united-kingdom", "United Kingdom of Great Britain and Northern Ireland", DonorType.MemberState, "GBR", "GBP"),
        new("australia", "Australia", DonorType.MemberState, "AUS", "AUD"),
        new("denmark", "Denmark", DonorType.MemberState, "DNK", "DKK"),
        new("netherlands", "Netherlands (Kingdom of the)", DonorType.MemberState, "NLD", "EUR"),
        new("finland", "Finland", DonorType.MemberState, "FIN", "EUR"),
        new("ireland", "Ireland", DonorType.MemberState, "IRL", "EUR"),
        new("belgium", "Belgium", DonorType.MemberState, "BEL", "EUR"),
        new("france", "France", DonorType.MemberState, "FRA", "EUR"),
        new("spain", "Spain", DonorType.MemberState, "ESP", "EUR"),
        new("canada", "Canada", DonorType.MemberState, "CAN", "CAD"),
        new("korea", "Republic of Korea", DonorType.MemberState, "KOR", "KRW"),
        new("kuwait", "Kuwait", DonorType.MemberState, "KWT", "KWD"),
        new("paraguay", "Paraguay", DonorType.MemberState, "PRY", "USD"),
        new("morocco", "Morocco", DonorType.MemberState, "MAR", "USD"),
        new("qatar", "Qatar", DonorType.MemberState, "QAT", "USD"),
        new("european-union", "European Union", DonorType.IntergovernmentalOrganisation, null, "EUR"),
        new("oif", "Organisation internationale de la Francophonie", DonorType.IntergovernmentalOrganisation, null, "EUR"),
        new("undp", "United Nations Development Programme", DonorType.UnEntity, null, "USD"),
        new("peacebuilding-fund", "United Nations Peacebuilding Fund", DonorType.UnEntity, null, "USD"),
        new("rights-futures", "Rights Futures Foundation", DonorType.Foundation, null, "USD"),
        new("fondation-dignite", "Fondation Dignité", DonorType.Foundation, null, "CHF"),
        new("nordic-solidarity", "Nordic Solidarity Bank ASA", DonorType.PrivateSector, "NOR", "NOK"),
        new("global-telecom", "Global Telecom plc", DonorType.PrivateSector, "GBR", "GBP"),
        new("individual-1", "A. Moreau", DonorType.Individual, "FRA", "USD"),
        new("individual-2", "K. Mensah", DonorType.Individual, "GHA", "USD"),
        new("individual-3", "L. Fernández", DonorType.Individual, "ARG", "USD"),
    ];
}
