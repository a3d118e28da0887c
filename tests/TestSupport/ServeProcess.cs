using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FundManager.Api.Demo;
using Xunit;

namespace FundManager.Tests.Infrastructure;

/// <summary>The real program, <c>fundmanager serve</c>, as its own process on a free loopback port, killed when disposed.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private const int KeptLines = 500;

    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    /// <summary>The last lines the program wrote (standard output and error), for a failing test to leave beside its evidence.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts <c>fundmanager serve</c> with <paramref name="arguments"/> and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<ServeProcess> StartAsync(params string[] arguments)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "fundmanager.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Remove("FUNDMANAGER_DB");
        var process = Process.Start(info)!;
        var serve = new ServeProcess(process, port);
        process.OutputDataReceived += (_, line) => serve.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => serve.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // Waiting for the exit drains what the program wrote, which says why it stopped.
                await process.WaitForExitAsync();
                Assert.Fail($"fundmanager serve exited early (exit code {process.ExitCode}):{Environment.NewLine}{serve.RecentOutput}");
            }

            try
            {
                if ((await serve.Client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        await serve.DisposeAsync();
        throw new TimeoutException("fundmanager serve did not become ready within 120 s.");
    }

    /// <summary>Signs in as <paramref name="email"/> (demo password): the client sends that user's token from now on.</summary>
    public async Task LoginAsync(string email)
    {
        var login = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoUsers.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        Client.DefaultRequestHeaders.Authorization = new("Bearer", token);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
