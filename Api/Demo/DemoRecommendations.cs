using FundManager.Recommendations;

namespace FundManager.Api.Demo;

/// <summary>UPR recommendations of the kind States receive, three per demo grant country, written as the UPR outcome would.</summary>
public static class DemoRecommendations
{
    private static readonly (string Text, string Theme, string[] Sdgs)[] Templates =
    [
        ("Establish or strengthen a standing national mechanism for implementation, reporting and follow-up, with adequate resources", "National mechanisms for reporting and follow-up", ["16.6", "17.18"]),
        ("Ensure that the national human rights institution is fully compliant with the Paris Principles and adequately funded", "National human rights institutions", ["16.a"]),
        ("Adopt comprehensive anti-discrimination legislation covering all prohibited grounds", "Equality and non-discrimination", ["10.3", "16.b"]),
        ("Guarantee access to justice and effective remedies for women and girls who are victims of violence", "Violence against women", ["5.2", "16.3"]),
        ("Ensure free and universal birth registration, including in rural and remote areas", "Birth registration", ["16.9"]),
        ("Strengthen measures to prevent and combat trafficking in persons and protect victims", "Trafficking in persons", ["16.2", "8.7"]),
    ];

    public static string IdFor(string country, int n) => $"{country}-C4-{n}";

    public static IEnumerable<RegisterRecommendation> For(string country, int index)
    {
        string[] recommending = ["NOR", "DEU", "CHE", "JPN", "PRY", "MAR", "FRA", "URY"];
        for (var n = 1; n <= 3; n++)
        {
            var template = Templates[(index + n) % Templates.Length];
            yield return new RegisterRecommendation(
                IdFor(country, n),
                country,
                [recommending[(index + n) % recommending.Length], recommending[(index + 2 * n) % recommending.Length]],
                4,
                40 + (index % 8),
                template.Text,
                [template.Theme],
                template.Sdgs,
                n == 3 && index % 5 == 0 ? RecommendationPosition.Noted : RecommendationPosition.Supported);
        }
    }
}
