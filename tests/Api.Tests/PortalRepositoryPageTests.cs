namespace FundManager.Api.Tests;

/// <summary>
/// The public repository's pages, rendered on the server for anyone: a search form whose every field has its label, the
/// activities found, each activity's page, a bad filter refused next to its field, the stylesheet served by the program.
/// </summary>
public sealed class PortalRepositoryPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_visitor_finds_a_grant_by_its_recommendation_and_opens_its_page()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var grant = (await Answers.Ok(officer.GetAsync("/api/v1/grants?status=Active&limit=1"))).GetProperty("items")[0];
        var recommendation = grant.GetProperty("recommendations")[0].GetString()!;
        var visitor = api.CreateClient();

        var search = await visitor.GetAsync($"/repository?recommendation={Uri.EscapeDataString(recommendation)}");
        var html = await search.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal("text/html", search.Content.Headers.ContentType?.MediaType);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(grant.GetProperty("title").GetString()!), html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/repository/{grant.GetProperty("id").GetString()}\"", html, StringComparison.Ordinal);
        foreach (var field in new[] { "country", "region", "recommendation", "sdgTarget", "modality", "year" })
        {
            Assert.Contains($"<label for=\"{field}\"", html, StringComparison.Ordinal);
        }

        var page = await visitor.GetAsync($"/repository/{grant.GetProperty("id").GetString()}");
        var detail = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(recommendation), detail, StringComparison.Ordinal);
        Assert.Contains(" USD", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/repository/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("year=twenty", "year-error")]
    [InlineData("region=Atlantis", "region-error")]
    [InlineData("country=Paraguay", "country-error")]
    public async Task A_bad_filter_is_refused_next_to_its_field(string query, string error)
    {
        var response = await api.CreateClient().GetAsync("/repository?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"id=\"{error}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_is_the_program_s_own_and_no_page_asks_another_host()
    {
        var visitor = api.CreateClient();
        var css = await visitor.GetAsync("/portal.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("focus-visible", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { "/", "/repository" })
        {
            var html = await visitor.GetStringAsync(path);
            Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_donor_s_page_asks_an_anonymous_visitor_to_sign_in_and_a_bearer_token_does_not_open_it()
    {
        var visitor = api.CreateClient(new() { AllowAutoRedirect = false });
        var anonymous = await visitor.GetAsync("/my/pledges");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=%2Fmy%2Fpledges", anonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        // The pages take their own cookie only: the API's token is no way into them.
        var donor = await api.LoginAsync(DemoUsers.NorwayDonor);
        var withToken = await donor.GetAsync("/my/pledges");
        Assert.Equal("/sign-in", withToken.RequestMessage?.RequestUri?.AbsolutePath);

        var forged = await visitor.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = DemoUsers.NorwayDonor, ["password"] = DemoUsers.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
