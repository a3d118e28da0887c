using FundManager.Tests.Infrastructure;

namespace FundManager.Api.Tests;

/// <summary>
/// The processes of a cluster: a <c>fundmanager silo</c>, the HTTP API as its client (<c>serve --client</c>, hosting no
/// silo), and <c>fundmanager cluster status</c> listing the one silo.
/// </summary>
public sealed class ServeClientProcessTests
{
    [Fact]
    public async Task The_api_serves_as_a_client_of_a_silo_already_running()
    {
        var database = await TestServer.CreateDatabaseAsync();
        await using var silo = await SiloProcess.StartAsync(database);
        await using var serve = await ServeProcess.StartAsync("--client", "--demo", "--database", database);
        await serve.LoginAsync(DemoUsers.Officer);

        var created = await serve.Client.PostAsJsonAsync("/api/v1/donors", new { name = "Client-served foundation", type = "Foundation" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The API process is a client: the cluster is still the one silo.
        var status = await ProgramRunner.FundManagerAsync("cluster", "status", "--database", database);
        Assert.Equal(0, status.ExitCode);
        var silos = status.Stdout.Split('\n').Where(l => l.StartsWith("fundmanager ", StringComparison.Ordinal)).ToList();
        Assert.Contains("Active", Assert.Single(silos), StringComparison.Ordinal);
    }
}
