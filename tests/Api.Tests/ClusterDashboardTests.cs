using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FundManager.Api.Tests;

/// <summary>
/// The Orleans dashboard at <c>/admin/cluster</c>: administrators only, with a bearer token or signed in in a browser;
/// everyone else is sent to sign in, or refused.
/// </summary>
public sealed class ClusterDashboardTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Only_administrators_see_the_cluster_dashboard()
    {
        var anonymous = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var officer = await api.LoginAsync(DemoUsers.Officer);

        var challenged = await anonymous.GetAsync("/admin/cluster/ClusterStats");
        Assert.Equal((HttpStatusCode.Redirect, "/admin/sign-in"), (challenged.StatusCode, challenged.Headers.Location?.AbsolutePath));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/admin/cluster/ClusterStats")).StatusCode);
        var stats = await admin.GetAsync("/admin/cluster/ClusterStats");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal("application/json", stats.Content.Headers.ContentType?.MediaType);
        var dashboard = await admin.GetAsync("/admin/cluster/DashboardCounters");
        Assert.Contains("\"hosts\"", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_administrator_signs_in_in_a_browser_and_nobody_else_does()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(DemoUsers.Officer).ContinueWith(t => t.Result.Status));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(DemoUsers.Admin, "wrong-password-123").ContinueWith(t => t.Result.Status));

        var (status, browser) = await SignInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var page = await browser.GetAsync("/admin/cluster/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/cluster/ClusterStats")).StatusCode);

        // The cookie is the dashboard's alone: the JSON API does not take it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/users")).StatusCode);
    }

    private async Task<(HttpStatusCode Status, HttpClient Browser)> SignInAsync(string email, string password = DemoUsers.Password)
    {
        var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/admin/sign-in");
        var token = Regex.Match(form, "name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "the sign-in form carries an antiforgery token");
        var response = await browser.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(token.Groups[2].Value),
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/admin/cluster/",
        }));
        return (response.StatusCode, browser);
    }
}
