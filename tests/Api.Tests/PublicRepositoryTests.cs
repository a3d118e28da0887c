namespace FundManager.Api.Tests;

/// <summary>
/// The public repository of technical-cooperation activities, as anyone reads it without signing in: approved grants
/// found by UPR recommendation, SDG target, country and modality, paged, as CSV too, with the IATI file; drafts and
/// anything about donors never shown.
/// </summary>
public sealed class PublicRepositoryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Anyone_finds_an_approved_grant_by_its_upr_recommendation_and_by_its_sdg_target()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var approved = (await Answers.Ok(officer.GetAsync("/api/v1/grants?status=Active&limit=500"))).GetProperty("items").EnumerateArray().First();
        var id = approved.GetProperty("id").GetString();
        var recommendation = approved.GetProperty("recommendations")[0].GetString()!;
        var target = approved.GetProperty("sdgTargets")[0].GetString()!;
        var anyone = api.CreateClient();

        var byRecommendation = await Answers.Ok(anyone.GetAsync($"/api/v1/public/activities?recommendation={Uri.EscapeDataString(recommendation.ToLowerInvariant())}&limit=500"));
        var byTarget = await Answers.Ok(anyone.GetAsync($"/api/v1/public/activities?sdgTarget={Uri.EscapeDataString(target)}&limit=500"));

        Assert.Contains(byRecommendation.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        Assert.All(byRecommendation.GetProperty("items").EnumerateArray(), a => Assert.Contains(a.GetProperty("recommendations").EnumerateArray(), r => string.Equals(r.GetProperty("id").GetString(), recommendation, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(byTarget.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        Assert.All(byTarget.GetProperty("items").EnumerateArray(), a => Assert.Contains(target, a.GetProperty("sdgTargets").EnumerateArray().Select(t => t.GetString())));

        var one = await Answers.Ok(anyone.GetAsync($"/api/v1/public/activities/{id}"));
        Assert.Equal(approved.GetProperty("title").GetString(), one.GetProperty("title").GetString());
        Assert.Equal(
            ["id", "fund", "title", "purpose", "country", "countryName", "region", "modality", "implementingEntity", "implementingEntityType", "start", "end", "status", "approvedOn", "approvedUsd", "disbursedUsd", "recommendations", "sdgTargets", "indicators"],
            one.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Grants_not_yet_approved_are_not_public()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var statuses = new[] { "Draft", "Submitted", "Reviewed", "Recommended", "Rejected", "Cancelled" };
        var hidden = new List<string>();
        foreach (var status in statuses)
        {
            hidden.AddRange((await Answers.Ok(officer.GetAsync($"/api/v1/grants?status={status}&limit=500"))).GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetString()!));
        }

        Assert.NotEmpty(hidden);
        var anyone = api.CreateClient();
        var shown = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Answers.Ok(anyone.GetAsync($"/api/v1/public/activities?limit=7{(cursor is null ? "" : "&cursor=" + cursor)}"));
            shown.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Empty(shown.Intersect(hidden));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/v1/public/activities/{hidden[0]}")).StatusCode);

        var csv = await anyone.GetAsync("/api/v1/public/activities.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,fund,title,purpose,country,", rows[0], StringComparison.Ordinal);
        Assert.Equal(shown.Order(), rows.Skip(1).Select(r => r[..36]).Order());
    }

    [Fact]
    public async Task The_fund_s_iati_file_is_public_and_a_bad_filter_is_refused_by_name()
    {
        var anyone = api.CreateClient();
        var iati = await anyone.GetAsync("/api/v1/public/funds/VFTC/iati.xml");
        Assert.Equal(HttpStatusCode.OK, iati.StatusCode);
        Assert.Contains("<iati-activities", await iati.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badCursor = await anyone.GetAsync("/api/v1/public/activities?cursor=not-one");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        Assert.True((await badCursor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cursor", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/v1/public/funds/NO-SUCH/iati.xml")).StatusCode);
    }
}
