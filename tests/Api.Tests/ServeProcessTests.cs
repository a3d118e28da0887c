using FundManager.Tests.Infrastructure;

namespace FundManager.Api.Tests;

/// <summary>The real program: <c>fundmanager serve --demo</c> as its own process on a loopback port, driven over HTTP.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_with_demo_answers_over_http_with_demo_users()
    {
        await using var serve = await ServeProcess.StartAsync("--demo", "--database", await TestServer.CreateDatabaseAsync(), "--silo-port", "0", "--gateway-port", "0");
        await serve.LoginAsync(DemoUsers.NorwayDonor);

        var pledges = await serve.Client.GetFromJsonAsync<JsonElement>("/api/v1/pledges?limit=500");
        var items = pledges.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, p => Assert.Equal(DemoIds.For("donor", "norway"), p.GetProperty("donor").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await serve.Client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
