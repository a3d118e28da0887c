using System.Text.Json.Nodes;
using FundManager.Finance;

namespace FundManager.Api.Tests.Payments;

/// <summary>
/// Online gifts through Stripe Checkout, against a fake of Stripe on loopback, with webhooks signed as Stripe signs them:
/// a gift becomes a receipt at the gross amount and Stripe's fee a bank charge, both in the trial balance; a monthly gift
/// is received invoice by invoice; refunds and lost disputes reverse what they gave back; events delivered twice or out
/// of order come out right.
/// </summary>
public sealed class OnlineGivingTests(OnlineGivingApiFactory api) : IClassFixture<OnlineGivingApiFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_one_off_gift_is_a_receipt_at_its_gross_amount_and_stripe_s_fee_a_bank_charge()
    {
        await FundAsync("WEB-ONE");
        var gift = await GiveAsync(api.CreateClient(), new { fund = "WEB-ONE", amount = 100m, currency = "EUR" });
        Assert.Equal("Pending", gift.GetProperty("status").GetString());
        Assert.StartsWith("https://checkout.stripe.test/", gift.GetProperty("checkoutUrl").GetString(), StringComparison.Ordinal);

        var events = api.Stripe.CompleteCheckout(gift.GetProperty("session").GetString()!, name: "Ana Giver", email: "ana.giver@example.org", country: "NZ");
        var before = await TrialBalanceAsync("WEB-ONE");

        // The payment's event before the checkout's: out of order; then each delivered again, as Stripe does later, signed anew.
        foreach (var body in events.Reverse())
        {
            Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(body)).StatusCode);
        }

        foreach (var body in events)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(body, at: DateTimeOffset.UtcNow.AddSeconds(30))).StatusCode);
        }

        var rate = (await api.System.Rates.InForceAsync(CurrencyCode.Parse("EUR"), Today)).RateOn(CurrencyCode.Parse("EUR"), Today);
        var received = rate.ToUsd(new Money(100m, CurrencyCode.Parse("EUR"))).Amount;
        var fee = rate.ToUsd(new Money(3.20m, CurrencyCode.Parse("EUR"))).Amount;
        var after = await TrialBalanceAsync("WEB-ONE");
        Assert.Equal(received - fee, Moved(before, after, "1000"));
        Assert.Equal(fee, Moved(before, after, "5300"));
        Assert.Equal(-received, Moved(before, after, "4000"));
        Assert.Equal(0m, Moved(before, after, "1100"));

        var officer = await api.LoginAsync(DemoUsers.Officer);
        var view = await Ok(officer.GetAsync($"/api/v1/donations/{gift.GetProperty("id").GetString()}"));
        Assert.Equal("Completed", view.GetProperty("status").GetString());
        var payment = view.GetProperty("payments").EnumerateArray().Single();
        Assert.Equal((100m, 3.20m), (payment.GetProperty("amount").GetDecimal(), payment.GetProperty("fee").GetDecimal()));
        var donor = await Ok(officer.GetAsync($"/api/v1/donors/{view.GetProperty("donor").GetString()}"));
        Assert.Equal(("Ana Giver", "Individual", "NZL", "ana.giver@example.org"), (donor.GetProperty("name").GetString(), donor.GetProperty("type").GetString(), donor.GetProperty("country").GetString(), donor.GetProperty("email").GetString()));
        Assert.StartsWith("cus_", donor.GetProperty("paymentCustomer").GetString(), StringComparison.Ordinal);
        var receipt = (await Ok(officer.GetAsync($"/api/v1/receipts?donor={view.GetProperty("donor").GetString()}"))).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("CardOnline", payment.GetProperty("payment").GetString()!.ToUpperInvariant(), 100m), (receipt.GetProperty("channel").GetString(), receipt.GetProperty("reference").GetString(), receipt.GetProperty("amount").GetProperty("amount").GetDecimal()));

        // The same giver again is the same donor (by the email Checkout collected).
        var again = await GiveAsync(api.CreateClient(), new { fund = "WEB-ONE", amount = 20m, currency = "EUR" });
        foreach (var body in api.Stripe.CompleteCheckout(again.GetProperty("session").GetString()!, name: "Ana Giver", email: "ANA.GIVER@example.org"))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(body)).StatusCode);
        }

        Assert.Equal(view.GetProperty("donor").GetString(), (await Ok(officer.GetAsync($"/api/v1/donations/{again.GetProperty("id").GetString()}"))).GetProperty("donor").GetString());
    }

    [Fact]
    public async Task A_monthly_gift_in_a_zero_decimal_currency_is_received_invoice_by_invoice()
    {
        await FundAsync("WEB-MONTH");
        var gift = await GiveAsync(api.CreateClient(), new { fund = "WEB-MONTH", amount = 5000m, currency = "JPY", frequency = "Monthly" });
        var events = api.Stripe.CompleteCheckout(gift.GetProperty("session").GetString()!, name: "Kenji Sato", email: "kenji@example.jp", country: "JP");
        foreach (var body in events)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(body)).StatusCode);
        }

        var officer = await api.LoginAsync(DemoUsers.Officer);
        var view = await Ok(officer.GetAsync($"/api/v1/donations/{gift.GetProperty("id").GetString()}"));
        var subscription = view.GetProperty("subscription").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(api.Stripe.PayInvoice(subscription))).StatusCode);

        view = await Ok(officer.GetAsync($"/api/v1/donations/{gift.GetProperty("id").GetString()}"));
        var payments = view.GetProperty("payments").EnumerateArray().ToList();
        Assert.Equal(2, payments.Count);
        Assert.All(payments, p => Assert.Equal((5000m, "JPY", 145m), (p.GetProperty("amount").GetDecimal(), p.GetProperty("currency").GetString(), p.GetProperty("fee").GetDecimal())));
        var receipts = (await Ok(officer.GetAsync($"/api/v1/receipts?donor={view.GetProperty("donor").GetString()}"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([5000m, 5000m], receipts.Select(r => r.GetProperty("amount").GetProperty("amount").GetDecimal()));
        Assert.All(receipts, r => Assert.Equal("JPY", r.GetProperty("amount").GetProperty("currency").GetString()));
    }

    [Fact]
    public async Task Refunds_and_a_lost_dispute_reverse_what_they_gave_back_once_in_any_order()
    {
        await FundAsync("WEB-BACK");
        var gift = await GiveAsync(api.CreateClient(), new { fund = "WEB-BACK", amount = 200m, currency = "USD" });
        var paid = api.Stripe.CompleteCheckout(gift.GetProperty("session").GetString()!, email: "refund@example.org");
        var before = await TrialBalanceAsync("WEB-BACK");
        foreach (var body in paid)
        {
            await api.DeliverAsync(body);
        }

        var intent = (string)JsonNode.Parse(paid[1])!["data"]!["object"]!["id"]!;
        var fifty = api.Stripe.Refund(intent, 5_000);
        var eighty = api.Stripe.Refund(intent, 3_000);
        var seconds = 0;
        foreach (var body in new[] { eighty, fifty, eighty })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(body, at: DateTimeOffset.UtcNow.AddSeconds(seconds += 10))).StatusCode);
        }

        var refunded = await TrialBalanceAsync("WEB-BACK");
        Assert.Equal(-120m, Moved(before, refunded, "4000"));
        Assert.Equal(120m - 6.10m, Moved(before, refunded, "1000"));
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var view = await Ok(officer.GetAsync($"/api/v1/donations/{gift.GetProperty("id").GetString()}"));
        var pledge = await Ok(officer.GetAsync($"/api/v1/pledges/{view.GetProperty("payments")[0].GetProperty("pledge").GetString()}"));
        Assert.Equal((120m, 120m), (pledge.GetProperty("total").GetProperty("amount").GetDecimal(), pledge.GetProperty("paid").GetProperty("amount").GetDecimal()));
        Assert.Equal(80m, view.GetProperty("payments")[0].GetProperty("refunded").GetDecimal());
        var statement = await Ok(officer.GetAsync($"/api/v1/donors/{view.GetProperty("donor").GetString()}/utilisation?year={Today.Year}"));
        Assert.Equal(120m, statement.GetProperty("receivedUsd").GetDecimal());

        var disputed = await GiveAsync(api.CreateClient(), new { fund = "WEB-BACK", amount = 40m, currency = "USD" });
        var second = api.Stripe.CompleteCheckout(disputed.GetProperty("session").GetString()!, email: "dispute@example.org");
        foreach (var body in second)
        {
            await api.DeliverAsync(body);
        }

        var (opened, lost) = api.Stripe.Dispute((string)JsonNode.Parse(second[1])!["data"]!["object"]!["id"]!, "lost");
        var beforeDispute = await TrialBalanceAsync("WEB-BACK");
        Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(opened)).StatusCode);
        Assert.Equal(0m, Moved(beforeDispute, await TrialBalanceAsync("WEB-BACK"), "1000"));
        Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(lost)).StatusCode);
        var after = await TrialBalanceAsync("WEB-BACK");
        Assert.Equal(-40m, Moved(beforeDispute, after, "1000"));
        Assert.Equal(40m, Moved(beforeDispute, after, "4000"));
        Assert.Equal(after.GetProperty("totalDebit").GetDecimal(), after.GetProperty("totalCredit").GetDecimal());

        var auditor = await api.LoginAsync(DemoUsers.Auditor);
        Assert.True((await Ok(auditor.GetAsync("/api/v1/ledger/verify?fund=WEB-BACK"))).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_signed_in_donor_gives_as_its_stripe_customer_to_its_own_pledge()
    {
        var norway = await api.LoginAsync(DemoUsers.NorwayDonor);
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var announced = await Ok(norway.PostAsJsonAsync("/api/v1/pledges", new
        {
            donor = DemoIds.For("donor", "norway"), fund = "VFTC", currency = "NOK", total = 50_000m,
            instalments = new[] { new { dueOn = "2027-03-31", amount = 50_000m } }, announcedOn = "2026-11-02",
        }), HttpStatusCode.Created);
        await Ok(officer.PostAsJsonAsync($"/api/v1/pledges/{announced.GetProperty("id").GetString()}/sign", new { signedOn = "2026-11-03" }));
        var pledge = await Ok(officer.GetAsync($"/api/v1/pledges/{announced.GetProperty("id").GetString()}"));
        var gift = await GiveAsync(norway, new { fund = "VFTC", amount = 1000m, currency = "NOK", pledge = pledge.GetProperty("id").GetString() });
        var donor = await Ok(officer.GetAsync($"/api/v1/donors/{pledge.GetProperty("donor").GetString()}"));
        var customer = donor.GetProperty("paymentCustomer").GetString()!;
        Assert.Equal(customer, (string?)api.Stripe.Get(gift.GetProperty("session").GetString()!)["customer"]);

        foreach (var body in api.Stripe.CompleteCheckout(gift.GetProperty("session").GetString()!))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(body)).StatusCode);
        }

        var receipts = (await Ok(officer.GetAsync($"/api/v1/pledges/{pledge.GetProperty("id").GetString()}/receipts"))).GetProperty("items").EnumerateArray();
        Assert.Contains(receipts, r => r.GetProperty("channel").GetString() == "CardOnline" && r.GetProperty("amount").GetProperty("amount").GetDecimal() == 1000m);

        var notYours = await api.CreateClient().PostAsJsonAsync("/api/v1/donations", new { fund = "VFTC", amount = 10m, currency = "NOK", pledge = pledge.GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.BadRequest, notYours.StatusCode);
    }

    [Fact]
    public async Task Hostile_webhook_calls_are_refused_post_nothing_and_leave_a_record()
    {
        await FundAsync("WEB-HOSTILE");
        var gift = await GiveAsync(api.CreateClient(), new { fund = "WEB-HOSTILE", amount = 10m, currency = "USD" });
        var paidDifferently = api.Stripe.CompleteCheckout(gift.GetProperty("session").GetString()!, paidMinor: 999);
        var other = await GiveAsync(api.CreateClient(), new { fund = "WEB-HOSTILE", amount = 10m, currency = "USD" });
        var otherCurrency = api.Stripe.CompleteCheckout(other.GetProperty("session").GetString()!, paidCurrency: "eur");
        var unknown = api.Stripe.Event("customer.created", new JsonObject { ["id"] = "cus_x", ["object"] = "customer" });
        var good = api.Stripe.Event("checkout.session.expired", api.Stripe.Get(gift.GetProperty("session").GetString()!));
        var replayed = StripeSignature.Sign(good, OnlineGivingApiFactory.WebhookSecret, DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await api.DeliverAsync(good, signature: replayed)).StatusCode);
        var entries = await JournalLengthAsync();

        var hostile = new (string Name, Func<Task<HttpResponseMessage>> Call, HttpStatusCode Status, string Reason)[]
        {
            ("forged", () => api.DeliverAsync(good, signature: $"t={DateTimeOffset.UtcNow.ToUnixTimeSeconds()},v1={new string('a', 64)}"), HttpStatusCode.BadRequest, "does not match"),
            ("wrong secret", () => api.DeliverAsync(good, secret: "whsec_someone_else"), HttpStatusCode.BadRequest, "does not match"),
            ("stale", () => api.DeliverAsync(good, at: DateTimeOffset.UtcNow.AddSeconds(-400)), HttpStatusCode.BadRequest, "more than 300 s"),
            ("replayed", () => api.DeliverAsync(good, signature: replayed), HttpStatusCode.Conflict, "a replay"),
            ("unknown type", () => api.DeliverAsync(unknown), HttpStatusCode.BadRequest, "does not handle customer.created"),
            ("malformed", () => api.DeliverAsync("{\"id\": \"evt_1\", \"type\": "), HttpStatusCode.BadRequest, "malformed JSON"),
            ("amount differs", () => api.DeliverAsync(paidDifferently[0]), (HttpStatusCode)422, "The payment is 9.99 USD"),
            ("payment differs", () => api.DeliverAsync(paidDifferently[1]), (HttpStatusCode)422, "The payment is 9.99 USD"),
            ("currency differs", () => api.DeliverAsync(otherCurrency[1]), (HttpStatusCode)422, "The payment is 10.00 EUR"),
            ("no signature", () => api.DeliverAsync(good, signature: ""), HttpStatusCode.BadRequest, "no Stripe-Signature"),
        };
        var auditor = await api.LoginAsync(DemoUsers.Auditor);
        foreach (var (name, call, status, reason) in hostile)
        {
            var response = await call();
            Assert.True(status == response.StatusCode, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var record = (await Ok(auditor.GetAsync("/api/v1/webhooks/stripe/deliveries?limit=1"))).EnumerateArray().Single();
            Assert.Equal(("refused", (int)status), (record.GetProperty("outcome").GetString(), record.GetProperty("status").GetInt32()));
            Assert.Contains(reason, record.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(entries, await JournalLengthAsync());
        var officer = await api.LoginAsync(DemoUsers.Officer);
        Assert.Equal("Expired", (await Ok(officer.GetAsync($"/api/v1/donations/{gift.GetProperty("id").GetString()}"))).GetProperty("status").GetString());
    }

    private async Task FundAsync(string code)
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        await Ok(admin.PostAsJsonAsync("/api/v1/funds", new { code, name = "Fund " + code }), HttpStatusCode.Created);
    }

    private static async Task<JsonElement> GiveAsync(HttpClient client, object gift) =>
        await Ok(client.PostAsJsonAsync("/api/v1/donations", gift), HttpStatusCode.Created);

    private async Task<JsonElement> TrialBalanceAsync(string fund) =>
        await Ok((await api.LoginAsync(DemoUsers.Auditor)).GetAsync($"/api/v1/ledger/{fund}/trial-balance"));

    private async Task<long> JournalLengthAsync()
    {
        await using var cmd = api.System.DataSource.CreateCommand("select count(*) from journal_entries");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static decimal Moved(JsonElement before, JsonElement after, string account) => Balance(after, account) - Balance(before, account);

    private static decimal Balance(JsonElement trialBalance, string account) =>
        trialBalance.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("account").GetString() == account).Sum(r => r.GetProperty("balance").GetDecimal());
}
