namespace FundManager.Api.Tests.Imports;

/// <summary>
/// <c>POST /api/v1/recommendations/imports</c> with an export of the Universal Human Rights Index: recommendations
/// registered with everything the export says, the same export again changing nothing, a changed line revising its
/// recommendation, and a bad line refusing the whole file.
/// </summary>
public sealed class UhriImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "Text,Countries Concerned,UPR Reccomending States,UPR Position,UPR Session,Themes,Affected Persons,Sdgs,Document Symbol,OHCHR Annotation Id";

    private static readonly string Simore =
        "\"Strengthen SIMORE, the national system for monitoring recommendations\",\"- Paraguay\",\"- Uruguay\n- Côte d'Ivoire\",Supported,\"UPR 43\","
        + "\"- National mechanisms for implementation\n- Human rights education\",\"- General\",\"- 16.6 - Develop effective, accountable institutions\n- 17 - Partnerships for the goals\",A/HRC/53/9,uhri-test-simore";

    private static string Ombudsman(string position) =>
        $"\"Give the Ombudsman's office the means its mandate needs\",- Kenya,- Türkiye,{position},41st session,- National human rights institutions,\"- Persons deprived of their liberty\",- 16.a - Strengthen national institutions,A/HRC/52/5,uhri-test-ombudsman";

    [Fact]
    public async Task An_export_is_registered_then_changes_nothing_again_and_a_changed_line_revises_its_recommendation()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var first = await ImportAsync(admin, $"{Header}\n{Simore}\n{Ombudsman("Supported")}\n");
        Assert.Equal((2, 2, 0, 0), first);

        var officer = await api.LoginAsync(DemoUsers.Officer);
        var simore = await officer.GetFromJsonAsync<JsonElement>("/api/v1/recommendations/uhri-test-simore");
        Assert.Equal("PRY", simore.GetProperty("stateUnderReview").GetString());
        Assert.Equal(["URY", "CIV"], Strings(simore, "recommendingStates"));
        Assert.Equal(4, simore.GetProperty("cycle").GetInt32());
        Assert.Equal(43, simore.GetProperty("session").GetInt32());
        Assert.Equal("Strengthen SIMORE, the national system for monitoring recommendations", simore.GetProperty("text").GetString());
        Assert.Equal(["National mechanisms for implementation", "Human rights education"], Strings(simore, "themes"));
        Assert.Equal(["General"], Strings(simore, "affectedPersons"));
        Assert.Equal(["16.6"], Strings(simore, "sdgTargets"));
        Assert.Equal("Supported", simore.GetProperty("position").GetString());
        Assert.Equal("A/HRC/53/9", simore.GetProperty("documentSymbol").GetString());
        var ombudsman = await officer.GetFromJsonAsync<JsonElement>("/api/v1/recommendations/uhri-test-ombudsman");
        Assert.Equal(["TUR"], Strings(ombudsman, "recommendingStates"));
        Assert.Equal(["16.a"], Strings(ombudsman, "sdgTargets"));

        Assert.Equal((2, 0, 0, 2), await ImportAsync(admin, $"{Header}\n{Simore}\n{Ombudsman("Supported")}\n"));
        Assert.Equal((2, 0, 1, 1), await ImportAsync(admin, $"{Header}\n{Simore}\n{Ombudsman("Noted")}\n"));
        var revised = await officer.GetFromJsonAsync<JsonElement>("/api/v1/recommendations/uhri-test-ombudsman");
        Assert.Equal("Noted", revised.GetProperty("position").GetString());
        Assert.Equal(2, revised.GetProperty("version").GetInt64());
        Assert.Equal(1, (await officer.GetFromJsonAsync<JsonElement>("/api/v1/recommendations/uhri-test-simore")).GetProperty("version").GetInt64());

        // An imported recommendation is listed, filtered by its State, like one typed in, and a grant serves it by its id.
        var listed = await officer.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?country=KEN&limit=50");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == "uhri-test-ombudsman");
        var plan = new Grants.GrantPlan(
            "Ministry of Justice", Grants.ImplementingEntityType.NationalMechanism, "PRY", Reference.OhchrRegion.Americas, "SIMORE follow-up", "Follow-up of the recommendations.",
            new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Grants.CooperationModality.SouthSouth, ["uhri-test-simore"], ["16.6"],
            [new Grants.PlannedBudgetLine(2027, 10_000m)], [new Grants.PlannedTranche(new DateOnly(2027, 1, 15), 10_000m)]);
        var grant = await api.System.Grants.HandleAsync(new Grants.DraftGrant("UPR-VFTA", plan), Persistence.CommandContext.By(DemoUsers.Officer));
        var drafted = await officer.GetFromJsonAsync<JsonElement>("/api/v1/grants/" + grant.Stream.Split('/')[1]);
        Assert.Equal(["uhri-test-simore"], Strings(drafted, "recommendations"));
    }

    [Theory]
    // Lines are counted as a text editor counts them: the first recommendation's quoted cells span lines 2 to 5.
    [InlineData("- Atlantis", "Line 6: 'Atlantis' is not a country the UN's M49 standard names.")]
    [InlineData("\"- Kenya\n- Uganda\"", "Line 6: the recommendation concerns 2 States; one State is under review.")]
    public async Task A_bad_line_is_refused_by_its_number_and_nothing_is_stored(string concerned, string detail)
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var good = Simore.Replace("uhri-test-simore", "uhri-bad-file-good-line", StringComparison.Ordinal);
        var bad = $"Text,{concerned},- France,Noted,UPR 40,,,,,uhri-bad-file-bad-line";
        var response = await admin.PostAsync("/api/v1/recommendations/imports", Csv($"{Header}\n{good}\n{bad}\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/recommendations/uhri-bad-file-good-line")).StatusCode);
    }

    [Fact]
    public async Task An_export_without_a_column_it_needs_is_refused_naming_the_column()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var response = await admin.PostAsync("/api/v1/recommendations/imports", Csv("Text,Countries Concerned\nSomething,- Kenya\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Line 1: no column 'OHCHR Annotation Id'.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static async Task<(int Read, int Registered, int Revised, int Unchanged)> ImportAsync(HttpClient client, string csv)
    {
        var response = await client.PostAsync("/api/v1/recommendations/imports", Csv(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("read").GetInt32(), body.GetProperty("registered").GetInt32(), body.GetProperty("revised").GetInt32(), body.GetProperty("unchanged").GetInt32());
    }

    private static StringContent Csv(string text) => new(text, System.Text.Encoding.UTF8, "text/csv");

    private static List<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
}
