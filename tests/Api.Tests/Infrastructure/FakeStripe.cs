using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FundManager.Api.Tests.Infrastructure;

/// <summary>
/// A fake of the parts of Stripe's API that FundManager calls, served over HTTP on loopback so that Stripe.net's own
/// client talks to it (through <c>apiBase</c>): customers, Checkout sessions, payment intents and charges with their
/// balance transactions. The tests play the giver and the card network through it: completing a checkout, paying a
/// monthly invoice, refunding, disputing; each returns the event Stripe would send, as JSON, for the test to sign and
/// deliver. Objects are shaped as the API version Stripe.net pins (<c>2026-10-28.endive</c>).
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string ApiVersion = "2026-10-28.endive";

    private readonly ConcurrentDictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private long _next;

    private FakeStripe(WebApplication app) => _app = app;

    public string ApiBase { get; private set; } = "";

    /// <summary>The clock events are dated by (a test of a stale signature moves it).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.MapPost("/v1/customers", async (HttpRequest request) => Results.Json(fake.CreateCustomer(await request.ReadFormAsync())));
        app.MapPost("/v1/checkout/sessions", async (HttpRequest request) => Results.Json(fake.CreateSession(await request.ReadFormAsync())));
        app.MapGet("/v1/{kind}/{id}", (string kind, string id, HttpRequest request) =>
            fake._objects.TryGetValue(id, out var found) ? Results.Json(fake.Expanded(found, [.. request.Query.Where(q => q.Key.StartsWith("expand[", StringComparison.Ordinal)).SelectMany(q => q.Value)])) : Results.Json(new { error = new { type = "invalid_request_error", message = $"No such {kind}: '{id}'" } }, statusCode: 404));
        await app.StartAsync();
        fake.ApiBase = app.Urls.Single();
        return fake;
    }

    public JsonObject Get(string id) => _objects[id];

    /// <summary>The giver pays a checkout: its customer (created unless the session has one), the payment or the subscription's first invoice. Returns the events Stripe sends.</summary>
    public IReadOnlyList<string> CompleteCheckout(
        string session, string name = "Ana Giver", string email = "ana@example.org", string country = "NZ", long? paidMinor = null, long? feeMinor = null, string? feeCurrency = null, string? paidCurrency = null)
    {
        var s = _objects[session];
        var customer = (string?)s["customer"] ?? CreateCustomer(name, email, country)["id"]!.GetValue<string>();
        s["customer"] = customer;
        s["status"] = "complete";
        s["payment_status"] = "paid";
        s["customer_details"] = new JsonObject { ["name"] = name, ["email"] = email, ["address"] = new JsonObject { ["country"] = country } };
        var amount = paidMinor ?? (long)s["amount_total"]!;
        var currency = paidCurrency ?? (string)s["currency"]!;
        if ((string)s["mode"]! == "subscription")
        {
            var subscription = Add("sub", new JsonObject { ["object"] = "subscription", ["customer"] = customer, ["metadata"] = s["subscription_data_metadata"]!.DeepClone(), ["status"] = "active" });
            s["subscription"] = subscription;
            var invoice = PayInvoice(subscription, paidMinor, feeMinor, feeCurrency);
            return [Event("checkout.session.completed", s), invoice];
        }

        var intent = Payment(customer, amount, currency, s["payment_intent_data_metadata"]!.DeepClone().AsObject(), feeMinor, feeCurrency);
        s["payment_intent"] = intent["id"]!.GetValue<string>();
        return [Event("checkout.session.completed", s), Event("payment_intent.succeeded", intent)];
    }

    /// <summary>A month of a subscription is paid: its invoice's invoice.paid event.</summary>
    public string PayInvoice(string subscription, long? paidMinor = null, long? feeMinor = null, string? feeCurrency = null)
    {
        var sub = _objects[subscription];
        var session = _objects.Values.First(o => (string?)o["subscription"] == subscription || ((string?)o["object"] == "checkout.session" && o["subscription_data_metadata"]?.ToJsonString() == sub["metadata"]!.ToJsonString()));
        var amount = paidMinor ?? (long)session["amount_total"]!;
        var currency = (string)session["currency"]!;
        var intent = Payment((string)sub["customer"]!, amount, currency, [], feeMinor, feeCurrency);
        var invoice = Add("in", new JsonObject
        {
            ["object"] = "invoice",
            ["customer"] = sub["customer"]!.DeepClone(),
            ["currency"] = currency,
            ["amount_paid"] = amount,
            ["status"] = "paid",
            ["created"] = Now(),
            ["status_transitions"] = new JsonObject { ["paid_at"] = Now() },
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = subscription, ["metadata"] = sub["metadata"]!.DeepClone() },
            },
            ["payments"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["object"] = "invoice_payment",
                    ["id"] = "inpay_" + Interlocked.Increment(ref _next),
                    ["payment"] = new JsonObject { ["type"] = "payment_intent", ["payment_intent"] = intent["id"]!.DeepClone(), ["charge"] = intent["latest_charge"]!.DeepClone() },
                }),
            },
        });
        return Event("invoice.paid", _objects[invoice]);
    }

    /// <summary>Refunds part of a payment: the charge's charge.refunded event, its amount_refunded the running total.</summary>
    public string Refund(string paymentIntent, long minor)
    {
        var charge = _objects[(string)_objects[paymentIntent]["latest_charge"]!];
        charge["amount_refunded"] = (long)charge["amount_refunded"]! + minor;
        charge["refunded"] = (long)charge["amount_refunded"]! == (long)charge["amount"]!;
        return Event("charge.refunded", charge);
    }

    /// <summary>The giver's bank disputes a payment: charge.dispute.created, then (when closed) charge.dispute.closed with the status given.</summary>
    public (string Created, string Closed) Dispute(string paymentIntent, string outcome)
    {
        var intent = _objects[paymentIntent];
        var id = Add("dp", new JsonObject
        {
            ["object"] = "dispute",
            ["charge"] = intent["latest_charge"]!.DeepClone(),
            ["payment_intent"] = paymentIntent,
            ["amount"] = intent["amount_received"]!.DeepClone(),
            ["currency"] = intent["currency"]!.DeepClone(),
            ["status"] = "needs_response",
            ["reason"] = "fraudulent",
        });
        var created = Event("charge.dispute.created", _objects[id]);
        _objects[id]["status"] = outcome;
        return (created, Event("charge.dispute.closed", _objects[id]));
    }

    /// <summary>An event of any type about any object, as Stripe would send it.</summary>
    public string Event(string type, JsonObject about) =>
        new JsonObject
        {
            ["id"] = "evt_" + Interlocked.Increment(ref _next),
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = Now(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = Public(about) },
        }.ToJsonString();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private JsonObject Payment(string customer, long amount, string currency, JsonObject metadata, long? feeMinor, string? feeCurrency)
    {
        var fee = feeMinor ?? (amount * 29 / 1000) + (currency is "jpy" or "krw" or "xof" ? 0 : 30);
        var transaction = Add("txn", new JsonObject { ["object"] = "balance_transaction", ["amount"] = amount, ["currency"] = feeCurrency ?? currency, ["fee"] = fee, ["net"] = amount - fee, ["type"] = "charge" });
        var intentId = "pi_" + Interlocked.Increment(ref _next);
        var charge = Add("ch", new JsonObject
        {
            ["object"] = "charge",
            ["amount"] = amount,
            ["amount_refunded"] = 0L,
            ["currency"] = currency,
            ["customer"] = customer,
            ["payment_intent"] = intentId,
            ["balance_transaction"] = transaction,
            ["paid"] = true,
            ["refunded"] = false,
            ["status"] = "succeeded",
        });
        _objects[intentId] = new JsonObject
        {
            ["id"] = intentId,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = amount,
            ["currency"] = currency,
            ["customer"] = customer,
            ["latest_charge"] = charge,
            ["metadata"] = metadata,
            ["status"] = "succeeded",
            ["created"] = Now(),
        };
        return _objects[intentId];
    }

    private JsonObject CreateCustomer(IFormCollection form) =>
        CreateCustomer(form["name"].ToString(), form["email"].ToString(), null, Metadata(form, "metadata"));

    private JsonObject CreateCustomer(string name, string email, string? country, JsonObject? metadata = null)
    {
        var id = Add("cus", new JsonObject
        {
            ["object"] = "customer",
            ["name"] = name,
            ["email"] = email.Length == 0 ? null : email,
            ["address"] = country is null ? null : new JsonObject { ["country"] = country },
            ["metadata"] = metadata ?? [],
        });
        return _objects[id];
    }

    private JsonObject CreateSession(IFormCollection form)
    {
        var unit = long.Parse(form["line_items[0][price_data][unit_amount]"]!, CultureInfo.InvariantCulture);
        var quantity = long.Parse(form["line_items[0][quantity]"].FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
        var id = Add("cs_test", new JsonObject
        {
            ["object"] = "checkout.session",
            ["mode"] = form["mode"].ToString(),
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["amount_total"] = unit * quantity,
            ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
            ["client_reference_id"] = form["client_reference_id"].ToString(),
            ["customer"] = form["customer"].Count == 0 ? null : form["customer"].ToString(),
            ["metadata"] = Metadata(form, "metadata"),
            ["payment_intent_data_metadata"] = Metadata(form, "payment_intent_data[metadata]"),
            ["subscription_data_metadata"] = Metadata(form, "subscription_data[metadata]"),
            ["success_url"] = form["success_url"].ToString(),
        });
        _objects[id]["url"] = "https://checkout.stripe.test/c/pay/" + id;
        return Public(_objects[id]);
    }

    private string Add(string prefix, JsonObject value)
    {
        var id = $"{prefix}_{Interlocked.Increment(ref _next)}";
        value["id"] = id;
        _objects[id] = value;
        return id;
    }

    private JsonObject Expanded(JsonObject found, IReadOnlyList<string?> expand)
    {
        var copy = Public(found);
        foreach (var path in expand)
        {
            if (path is not null && copy[path] is JsonValue reference && reference.TryGetValue<string>(out var id) && _objects.TryGetValue(id, out var inner))
            {
                copy[path] = Public(inner);
            }
        }

        return copy;
    }

    // What the fake keeps for itself (the metadata a session gives its payment or subscription) is not shown.
    private static JsonObject Public(JsonObject value)
    {
        var copy = value.DeepClone().AsObject();
        copy.Remove("payment_intent_data_metadata");
        copy.Remove("subscription_data_metadata");
        return copy;
    }

    private static JsonObject Metadata(IFormCollection form, string prefix)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal)))
        {
            metadata[key[(prefix.Length + 1)..^1]] = value.ToString();
        }

        return metadata;
    }

    private long Now() => Clock.GetUtcNow().ToUnixTimeSeconds();
}
