using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FundManager.Api.Cluster;
using FundManager.Common;
using FundManager.Donors;
using FundManager.Persistence;
using FundManager.Pledges;

namespace FundManager.Bench;

/// <summary>
/// Requests per second and p50/p99 latency at 1, 16 and 64 concurrent clients against <c>fundmanager serve</c> on
/// loopback: (a) posting receipts (officer), (b) reading a donor's pledges (the donor). In the same run, the
/// in-process receipt rate at the same concurrency, for <c>inprocess_ratio</c>.
/// </summary>
public static class HttpBenchmark
{
    private const int Seconds = 10;
    private static readonly int[] ClientCounts = [1, 16, 64];

    public static async Task<int> RunAsync()
    {
        var connection = await BenchServer.FreshDatabaseAsync("bench_http");
        var lines = new List<string>();
        await using (var server = await ServedProgram.StartAsync(["--demo", "--database", connection]))
        {
            var baseAddress = server.BaseAddress;
            var officer = await TokenAsync(baseAddress, "officer@demo.org");
            var donor = await TokenAsync(baseAddress, "donor.norway@demo.org");
            foreach (var clients in ClientCounts)
            {
                var pledges = await OpenPledgesAsync(baseAddress, officer, clients);
                var post = await MeasureAsync(baseAddress, officer, clients, async (client, worker, n) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pledges/{pledges[worker]}/receipts")
                    {
                        Content = JsonContent.Create(new { reference = $"H-{Guid.NewGuid():N}", channel = "BankTransfer", receivedOn = "2026-06-01", amount = 10m, currency = "USD" }),
                    };
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                    return await client.SendAsync(request);
                });
                var read = await MeasureAsync(baseAddress, donor, clients, (client, _, _) => client.GetAsync("/api/v1/pledges?limit=50"));
                var inProcess = await InProcessReceiptsPerSecondAsync(clients);
                Console.Error.WriteLine($"  clients={clients}: post p50={post.P50:F1} ms, read p50={read.P50:F1} ms, in-process {inProcess:F1} receipts/s; errors post={post.Errors} read={read.Errors}");
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"http clients={clients} kind=post rps={post.Rps:F1} p99_ms={post.P99:F1} inprocess_ratio={post.Rps / inProcess:F2}"));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"http clients={clients} kind=read rps={read.Rps:F1} p99_ms={read.P99:F1}"));
            }
        }

        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    private sealed record Measurement(decimal Rps, double P50, double P99, int Errors);

    private static async Task<Measurement> MeasureAsync(Uri baseAddress, string token, int clients, Func<HttpClient, int, int, Task<HttpResponseMessage>> call)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var latencies = new List<double>[clients];
        var errors = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(Seconds));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await call(client, worker, n);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = (decimal)watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Measurement(all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // One signed USD pledge per client, large enough never to be paid off during the run.
    private static async Task<List<Guid>> OpenPledgesAsync(Uri baseAddress, string token, int clients)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var donor = Guid.Parse("00000000-0000-0000-0000-000000000000");
        var donors = await client.GetFromJsonAsync<JsonElement>("/api/v1/donors?type=Foundation&limit=1");
        donor = donors.GetProperty("items")[0].GetProperty("id").GetGuid();
        var pledges = new List<Guid>();
        for (var i = 0; i < clients; i++)
        {
            var id = Guid.NewGuid();
            var announce = await client.PostAsJsonAsync("/api/v1/pledges", new
            {
                id, donor, fund = "VFTC", currency = "USD", total = 1_000_000_000m,
                instalments = new[] { new { dueOn = "2026-12-31", amount = 1_000_000_000m } }, announcedOn = "2026-01-01",
            });
            announce.EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"/api/v1/pledges/{id}/sign", new { signedOn = "2026-01-02" })).EnsureSuccessStatusCode();
            pledges.Add(id);
        }

        return pledges;
    }

    private static async Task<decimal> InProcessReceiptsPerSecondAsync(int writers)
    {
        var connection = await BenchServer.FreshDatabaseAsync("bench_http_inprocess");
        await using var host = await FundHost.OpenAsync(connection);
        var system = host.System;
        await system.Funds.HandleAsync(new Funds.CreateFund("INPROC", "In-process", RequiresUprRecommendations: false), CommandContext.By("admin@bench"));
        var donor = Guid.NewGuid();
        await system.Donors.HandleAsync(new RegisterDonor("Donor", DonorType.Foundation, Id: donor), CommandContext.By("officer@bench"));
        var pledges = new List<Guid>();
        for (var i = 0; i < writers; i++)
        {
            var id = Guid.NewGuid();
            await system.Pledges.HandleAsync(new AnnouncePledge(donor, "INPROC", "USD", 1_000_000_000m, [new PlannedInstalment(new DateOnly(2026, 12, 31), 1_000_000_000m)], new DateOnly(2026, 1, 1), Id: id), CommandContext.By("officer@bench"));
            await system.Pledges.HandleAsync(new SignPledge(id, new DateOnly(2026, 1, 2)), CommandContext.By("officer@bench"));
            pledges.Add(id);
        }

        var count = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(Seconds));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(pledges.Select(async pledge =>
        {
            while (!stop.IsCancellationRequested)
            {
                await system.Pledges.HandleAsync(new RecordReceipt(pledge, $"I-{Guid.NewGuid():N}", ReceiptChannel.BankTransfer, new DateOnly(2026, 6, 1), 10m, "USD"), CommandContext.By("officer@bench"));
                Interlocked.Increment(ref count);
            }
        }));
        return count / (decimal)watch.Elapsed.TotalSeconds;
    }

    internal static async Task<string> TokenAsync(Uri baseAddress, string email)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "demo-password-1" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    internal static async Task WaitReadyAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 360; i++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("fundmanager serve did not become ready.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
