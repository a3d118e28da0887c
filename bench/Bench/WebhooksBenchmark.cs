using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FundManager.Api.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Bench;

/// <summary>
/// Stripe webhook deliveries per second into <c>fundmanager serve --demo</c> on loopback, Stripe faked in the benchmark's
/// process: gifts opened through the API (not timed), each paid (checkout.session.completed and payment_intent.succeeded,
/// both reporting the same payment), then every event signed and delivered by 8 concurrent senders, the two events of a
/// gift often at the same time (the events of the first 500 gifts first, unmeasured). Afterwards each gift must have exactly one receipt and one fee, and every event must be
/// processed once: the same events delivered again change nothing.
/// </summary>
public static class WebhooksBenchmark
{
    private const int Gifts = 1_500;

    // The events of the first gifts are delivered unmeasured, so that the figures are of code the JIT has optimised.
    private const int WarmUpGifts = 500;
    private const int Senders = 8;
    private const string Secret = "whsec_bench_webhooks";

    public static async Task<string> RunAsync()
    {
        var connection = await BenchServer.FreshDatabaseAsync("bench_webhooks");
        await using var stripe = await FakeStripe.StartAsync();
        await using var server = await ServedProgram.StartAsync(["--demo", "--database", connection], new Dictionary<string, string>
        {
            ["FundManager__Stripe__SecretKey"] = "sk_test_bench",
            ["FundManager__Stripe__PublishableKey"] = "pk_test_bench",
            ["FundManager__Stripe__WebhookSecret"] = Secret,
            ["FundManager__Stripe__ApiBase"] = stripe.ApiBase,
        });
        var baseAddress = server.BaseAddress;
        using var client = new HttpClient { BaseAddress = baseAddress };
        var events = new List<string>();
        for (var i = 0; i < Gifts; i++)
        {
            var gift = await (await client.PostAsJsonAsync("/api/v1/donations", new { fund = i % 2 == 0 ? "VFTC" : "UPR-VFTA", amount = 25m + (i % 40), currency = i % 3 == 0 ? "EUR" : "USD" }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            events.AddRange(stripe.CompleteCheckout(gift.GetProperty("session").GetString()!, name: $"Giver {i}", email: $"giver{i}@example.org", country: "CH"));
        }

        await DeliverAsync(client, events.Take(2 * WarmUpGifts).ToList());
        var measured = events.Skip(2 * WarmUpGifts).ToList();
        var watch = Stopwatch.StartNew();
        var failed = await DeliverAsync(client, measured);
        var seconds = watch.Elapsed.TotalSeconds;
        var again = await DeliverAsync(client, events);
        var (receipts, fees, processed, redelivered) = await CountAsync(connection);
        Console.Error.WriteLine($"  webhooks: {measured.Count} events in {seconds:F1} s, {failed} not 200; receipts {receipts}, fees {fees} for {Gifts} gifts; deliveries processed {processed}, redelivered {redelivered}; {again} not 200 on redelivery");
        if (failed + again > 0 || receipts != Gifts || fees != Gifts || processed != events.Count)
        {
            throw new InvalidOperationException("An event was refused, lost or processed twice.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"webhooks events={measured.Count} per_s={measured.Count / seconds:F1}");
    }

    // Each event signed now, the senders taking the next from one queue; returns how many were not answered 200.
    private static async Task<int> DeliverAsync(HttpClient client, IReadOnlyList<string> events)
    {
        var next = -1;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < events.Count; i = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(events[i], Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Sign(events[i], Secret, DateTimeOffset.UtcNow.AddMilliseconds(i)));
                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                    Console.Error.WriteLine($"  {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        return failed;
    }

    private static async Task<(long Receipts, long Fees, long Processed, long Redelivered)> CountAsync(string connection)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var cmd = dataSource.CreateCommand("""
            select (select count(*) from events where type = 'ReceiptRecorded' and data ->> 'channel' = 'CardOnline' and data ->> 'reference' like 'PI\_%'),
                   (select count(*) from events where type = 'ProcessorFeeRecorded'),
                   (select count(*) from webhook_deliveries where outcome = 'processed'),
                   (select count(*) from webhook_deliveries where outcome = 'redelivered')
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
