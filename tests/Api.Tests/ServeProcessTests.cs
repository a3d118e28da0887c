using System.Diagnostics;
using System.Net.Sockets;
using FundManager.Tests.Infrastructure;

namespace FundManager.Api.Tests;

/// <summary>The real program: <c>fundmanager serve --demo</c> as its own process on a loopback port, driven over HTTP.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_with_demo_answers_over_http_with_demo_users()
    {
        var port = FreePort();
        var database = await TestServer.CreateDatabaseAsync();
        var info = new ProcessStartInfo("dotnet", [
            Path.Combine(AppContext.BaseDirectory, "fundmanager.dll"), "serve", "--demo", "--urls", $"http://127.0.0.1:{port}", "--database", database,
            "--silo-port", "0", "--gateway-port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(client, process);

            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoUsers.NorwayDonor, password = DemoUsers.Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var token = (await login.Content.ReadFromJsonAsync<ApiFactory.TokenResponse>())!;
            client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
            var pledges = await client.GetFromJsonAsync<JsonElement>("/api/v1/pledges?limit=500");
            var items = pledges.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            Assert.All(items, p => Assert.Equal(DemoIds.For("donor", "norway"), p.GetProperty("donor").GetGuid()));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "fundmanager serve exited early");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("fundmanager serve did not become ready within 90 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
