using System.Net.Http.Headers;
using System.Net.Http.Json;
using FundManager.Api.Demo;
using FundManager.Api.Http;
using FundManager.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FundManager.Api.Tests.Infrastructure;

/// <summary>
/// The API in memory (WebApplicationFactory) on a fresh database per test class, loaded with the demo data set
/// and the demo users, so that every role has someone to log in as.
/// </summary>
public class ApiFactory : WebApplicationFactory<ApiStartup>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    /// <summary>The domain as the API's own silo serves it (the API hosts the test's only silo).</summary>
    public FundSystem System => Services.GetRequiredService<FundSystem>();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync();
        await new DemoDataSet(System, _ => { }).LoadAsync();
        await DemoUsers.EnsureAsync(System, CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Settings a fixture adds to the API's configuration.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> MoreSettings() => [];

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ApiStartup.DatabaseKey] = ConnectionString,
                ["FundManager:Cluster:SiloPort"] = "0",
                ["FundManager:Cluster:GatewayPort"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            }).AddInMemoryCollection(MoreSettings()))
            .ConfigureWebHostDefaults(web => web.UseStartup<ApiStartup>());

    /// <summary>A client logged in as <paramref name="email"/> with the demo password.</summary>
    public async Task<HttpClient> LoginAsync(string email)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoUsers.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
