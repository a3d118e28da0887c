using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace FundManager.Api.Tests;

/// <summary>
/// Hundreds of requests a careless or hostile caller might send. Each gets a 4xx problem response, none a 5xx,
/// declared (status and problem type) for its operation in the OpenAPI document, and afterwards the database holds
/// exactly what it held before: same row counts, same ledger chain heads.
/// </summary>
public sealed class HostileInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Case(string Who, string Method, string Url, string? Body, IReadOnlyDictionary<string, string>? Headers = null)
    {
        public override string ToString() => $"{Who} {Method} {Url} {Body?[..Math.Min(Body.Length, 120)]}";
    }

    private static readonly Guid NorwayPledge = DemoIds.For("pledge", "norway/0");

    // Sweden's first pledge still has SEK outstanding in 2026-2027, so receipts on it are otherwise valid.
    private static readonly Guid OpenPledge = DemoIds.For("pledge", "sweden/0");
    private static readonly Guid GermanyDonor = DemoIds.For("donor", "germany");
    private static readonly Guid Grant = DemoIds.For("grant", "8");

    private static JsonObject Announce() => new()
    {
        ["donor"] = DemoIds.For("donor", "norway").ToString(), ["fund"] = "VFTC", ["currency"] = "NOK", ["total"] = 300m,
        ["instalments"] = new JsonArray(new JsonObject { ["dueOn"] = "2027-03-31", ["amount"] = 100m }, new JsonObject { ["dueOn"] = "2028-03-31", ["amount"] = 200m }),
        ["announcedOn"] = "2026-11-01",
    };

    private static JsonObject Receipt() => new()
    {
        ["reference"] = "HOSTILE-" + Guid.NewGuid().ToString("N"), ["channel"] = "BankTransfer", ["receivedOn"] = "2026-11-01", ["amount"] = 10m, ["currency"] = "SEK",
    };

    private static JsonObject Donor() => new() { ["name"] = "Hostile", ["type"] = "Foundation" };

    private static string With(JsonObject body, string path, JsonNode? value)
    {
        var copy = (JsonObject)body.DeepClone();
        JsonNode target = copy;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            target = part.EndsWith(']') ? target[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : target[part]!;
        }

        var last = parts[^1];
        if (value is null && last.StartsWith('-'))
        {
            ((JsonObject)target).Remove(last[1..]);
        }
        else
        {
            target[last] = value;
        }

        return copy.ToJsonString();
    }

    private static IEnumerable<Case> Cases()
    {
        const string officer = DemoUsers.Officer;
        var pledges = "/api/v1/pledges";
        var receipts = $"/api/v1/pledges/{OpenPledge}/receipts";

        // Malformed JSON and wrong shapes, on every kind of body.
        string[] malformed = ["{", "}", "[]", "null", "\"text\"", "42", "{\"a\":}", "{\"donor\": \"x\",}", "{'single': 1}", "\u0000", "{\"total\": 1e400}", new string('[', 100) + new string(']', 100)];
        foreach (var url in new[] { pledges, receipts, "/api/v1/donors", "/api/v1/grants", $"/api/v1/grants/{Grant}/tranches/2/prepare", $"/api/v1/pledges/{NorwayPledge}/amend" })
        {
            foreach (var body in malformed)
            {
                yield return new Case(officer, "POST", url, body);
            }
        }

        // Announcements: missing fields, wrong types, bad amounts, currencies, dates and schedules.
        var announce = Announce();
        foreach (var field in new[] { "donor", "fund", "currency", "total", "instalments", "announcedOn" })
        {
            yield return new Case(officer, "POST", pledges, With(announce, "-" + field, null));
            yield return new Case(officer, "POST", pledges, With(announce, field, true));
            yield return new Case(officer, "POST", pledges, With(announce, field, new JsonObject()));
        }

        foreach (var total in new JsonNode?[] { 0m, -300m, 300.001m, 1e15m, 1e16m, "300", null })
        {
            yield return new Case(officer, "POST", pledges, With(announce, "total", total));
        }

        foreach (var currency in new[] { "XXX", "nok ", "", "NOKK", "N0K", "€" })
        {
            yield return new Case(officer, "POST", pledges, With(announce, "currency", currency));
        }

        foreach (var date in new[] { "1999-12-31", "2101-01-01", "2026-02-30", "31/03/2027", "2027-3-31", "", "2027-03-31T00:00:00" })
        {
            yield return new Case(officer, "POST", pledges, With(announce, "instalments[0].dueOn", date));
            yield return new Case(officer, "POST", pledges, With(announce, "announcedOn", date));
        }

        foreach (var amount in new JsonNode?[] { 0m, -100m, 99.999m, 1e15m, "100" })
        {
            yield return new Case(officer, "POST", pledges, With(announce, "instalments[0].amount", amount));
        }

        yield return new Case(officer, "POST", pledges, With(announce, "total", 301m));
        yield return new Case(officer, "POST", pledges, With(announce, "instalments", new JsonArray()));
        yield return new Case(officer, "POST", pledges, With(announce, "instalments[1].dueOn", "2027-03-31"));
        yield return new Case(officer, "POST", pledges, With(announce, "fund", "NOPE"));
        yield return new Case(officer, "POST", pledges, With(announce, "fund", "bad code!"));
        yield return new Case(officer, "POST", pledges, With(announce, "donor", Guid.NewGuid().ToString()));
        yield return new Case(officer, "POST", pledges, With(announce, "donor", "not-a-guid"));
        yield return new Case(officer, "POST", pledges, With(announce, "earmark", "Region"));
        yield return new Case(officer, "POST", pledges, With(With(JsonNode.Parse(With(announce, "earmark", "Country"))!.AsObject(), "earmarkTarget", "ZZZ") is var s ? JsonNode.Parse(s)!.AsObject() : announce, "earmark", "Country"));
        yield return new Case(officer, "POST", pledges, With(announce, "earmark", "Everything"));
        yield return new Case(officer, "POST", pledges, With(announce, "unexpected", 1));
        yield return new Case(officer, "POST", pledges, With(announce, "instalments[0].extra", "x"));

        // A donor announcing for another donor gets 404, as if that donor did not exist.
        yield return new Case(DemoUsers.NorwayDonor, "POST", pledges, With(announce, "donor", GermanyDonor.ToString()));

        // Receipts.
        var receipt = Receipt();
        foreach (var field in new[] { "reference", "channel", "receivedOn", "amount", "currency" })
        {
            yield return new Case(officer, "POST", receipts, With(receipt, "-" + field, null));
            yield return new Case(officer, "POST", receipts, With(receipt, field, new JsonArray()));
        }

        foreach (var amount in new JsonNode?[] { 0m, -1m, 0.001m, 1e15m, 999_999_999m })
        {
            yield return new Case(officer, "POST", receipts, With(receipt, "amount", amount));
        }

        foreach (var currency in new[] { "EUR", "USD", "XYZ", "", "NOK" })
        {
            yield return new Case(officer, "POST", receipts, With(receipt, "currency", currency));
        }

        foreach (var reference in new[] { "", "   ", new string('R', 101), "line\nbreak", "bell\u0007", "tab\tin" })
        {
            yield return new Case(officer, "POST", receipts, With(receipt, "reference", reference));
        }

        foreach (var channel in new JsonNode?[] { "Cash", "bank transfer", 0, "" })
        {
            yield return new Case(officer, "POST", receipts, With(receipt, "channel", channel));
        }

        yield return new Case(officer, "POST", receipts, With(receipt, "reference", "BANK-sweden-0-1"));
        yield return new Case(officer, "POST", receipts, With(receipt, "allocations", new JsonArray(new JsonObject { ["instalment"] = 99, ["amount"] = 10m })));
        yield return new Case(officer, "POST", receipts, With(receipt, "allocations", new JsonArray(new JsonObject { ["instalment"] = 1, ["amount"] = 9m })));
        yield return new Case(officer, "POST", $"/api/v1/pledges/{Guid.NewGuid()}/receipts", receipt.ToJsonString());
        yield return new Case(officer, "POST", "/api/v1/pledges/not-a-guid/receipts", receipt.ToJsonString());

        // Donors and their names.
        var donor = Donor();
        foreach (var name in new[] { "", " ", new string('n', 201), "Nul\u0000l", "Esc\u001b[31m" })
        {
            yield return new Case(officer, "POST", "/api/v1/donors", With(donor, "name", name));
        }

        foreach (var (type, country) in new[] { ("MemberState", (string?)null), ("MemberState", "ATL"), ("Martian", "NOR"), ("Foundation", "12") })
        {
            yield return new Case(officer, "POST", "/api/v1/donors", With(JsonNode.Parse(With(donor, "type", type))!.AsObject(), "country", country));
        }

        // Grants: plans that do not hold together, and steps out of order.
        var plan = new JsonObject
        {
            ["implementingEntityName"] = "SIMORE", ["implementingEntityType"] = "NationalMechanism", ["country"] = "PRY", ["region"] = "Americas",
            ["title"] = "T", ["summary"] = "S", ["start"] = "2027-01-01", ["end"] = "2027-12-31", ["modality"] = "SouthSouth",
            ["recommendations"] = new JsonArray("PRY-C4-1"), ["sdgTargets"] = new JsonArray("16.6"),
            ["budget"] = new JsonArray(new JsonObject { ["year"] = 2027, ["amount"] = 1000m }),
            ["tranches"] = new JsonArray(new JsonObject { ["plannedOn"] = "2027-03-01", ["amount"] = 1000m }),
        };
        var draft = new JsonObject { ["fund"] = "UPR-VFTA", ["plan"] = plan };
        foreach (var (path, value) in new (string, JsonNode?)[]
        {
            ("plan.country", "XXX"), ("plan.region", "Africa"), ("plan.region", "Atlantis"), ("plan.end", "2026-12-31"), ("plan.start", "1990-01-01"),
            ("plan.recommendations", new JsonArray()), ("plan.recommendations", new JsonArray("KEN-C4-1")), ("plan.recommendations", new JsonArray("nope")),
            ("plan.sdgTargets", new JsonArray("16.99")), ("plan.budget", new JsonArray()), ("plan.tranches", new JsonArray()),
            ("plan.tranches", new JsonArray(new JsonObject { ["plannedOn"] = "2027-03-01", ["amount"] = 999.99m })),
            ("plan.tranches", new JsonArray(new JsonObject { ["plannedOn"] = "2028-03-01", ["amount"] = 1000m })),
            ("plan.budget", new JsonArray(new JsonObject { ["year"] = 2030, ["amount"] = 1000m })),
            ("plan.budget", new JsonArray(new JsonObject { ["year"] = 2027, ["amount"] = 1000.001m })),
            ("plan.title", new string('t', 301)), ("plan.title", ""), ("plan.summary", new string('s', 8001)), ("plan.modality", "Sideways"),
            ("plan.implementingEntityType", "Army"), ("fund", "NOPE"), ("plan", null),
        })
        {
            yield return new Case(officer, "POST", "/api/v1/grants", With(draft, path, value));
        }

        // Grant 5 of the demo was rejected: no step applies to it any more.
        foreach (var step in new[] { "submit", "review", "complete", "close" })
        {
            yield return new Case(step is "close" ? DemoUsers.Approver : officer, "POST", $"/api/v1/grants/{DemoIds.For("grant", "5")}/{step}", "{\"on\":\"2026-11-01\"}");
        }

        yield return new Case(DemoUsers.Approver, "POST", $"/api/v1/grants/{DemoIds.For("grant", "5")}/approve", "{\"on\":\"2026-11-01\"}");
        yield return new Case(officer, "POST", $"/api/v1/grants/{Grant}/tranches/3/prepare", "{\"on\":\"2026-11-01\"}");
        yield return new Case(officer, "POST", $"/api/v1/grants/{Grant}/tranches/2/prepare", "{\"on\":\"2026-11-01\",\"amount\":1000000}");
        yield return new Case(officer, "POST", $"/api/v1/grants/{Grant}/tranches/99/prepare", "{\"on\":\"2026-11-01\"}");
        yield return new Case(officer, "POST", $"/api/v1/grants/{Grant}/tranches/0/prepare", "{\"on\":\"2026-11-01\"}");
        yield return new Case(DemoUsers.Approver, "POST", $"/api/v1/grants/{Grant}/tranches/2/reject", "{\"on\":\"2026-11-01\",\"reason\":\"\"}");
        yield return new Case(officer, "POST", $"/api/v1/grants/{Grant}/recommendation-statuses", "{\"recommendation\":\"KEN-C4-9\",\"status\":\"InProgress\",\"evidence\":\"x\",\"asOf\":\"2026-11-01\"}");
        yield return new Case(officer, "POST", $"/api/v1/grants/{Grant}/indicators", "{\"name\":\"n\",\"unit\":\"u\",\"baseline\":1e20,\"target\":1}");

        // Funds, rates and users' business: only admins, and only good values.
        foreach (var body in new[] { "{\"code\":\"x\",\"name\":\"n\"}", "{\"code\":\"VFTC\",\"name\":\"again\"}", "{\"code\":\"OK-CODE\",\"name\":\"n\",\"pscRate\":1.5}", "{\"code\":\"OK-CODE\",\"name\":\"\"}" })
        {
            yield return new Case(DemoUsers.Admin, "POST", "/api/v1/funds", body);
        }

        foreach (var csv in new[]
        {
            "EUR,abc,2025-01-01", "XXX,1.0,2025-01-01", "EUR,-1,2025-01-01", "EUR,1.0", "EUR,1.0,01/01/2025", "EUR,0.91,2026-01-01", "USD,2,2025-01-01",
            "Code,Rate,Effective Date\nEUR,\"0.9,2031-01-01", "Code,Rate,Effective Date\nEUR,99999999999999999999999999999,2031-01-01", "PK\u0003\u0004not a workbook",
            "Code,Rate,Effective Date\nEUR,0.9,2031-01-01\nEUR,0.8,2031-01-01", "Code,Rate,Effective Date\nEUR,0.9,9999-01-01",
        })
        {
            yield return new Case(DemoUsers.Admin, "POST", "/api/v1/exchange-rates", csv);
        }

        // Exports of the Universal Human Rights Index: each refused whole, by its line.
        const string uhri = "Text,Countries Concerned,UPR Reccomending States,UPR Position,UPR Session,Sdgs,OHCHR Annotation Id\n";
        foreach (var csv in new[]
        {
            "", "Text\nonly a text", "PK\u0003\u0004not a workbook", uhri + "\"never closed", uhri + "Text,- Atlantis,- France,Noted,UPR 40,,hostile-1",
            uhri + "Text,- Kenya,- France,Pending,UPR 40,,hostile-2", uhri + new string('x', 5000) + ",- Kenya,- France,Noted,UPR 40,,hostile-3",
            uhri + "Text\u0000,- Kenya,- France,Noted,UPR 40,,hostile-4", uhri + "Text,- Kenya,- France,Noted,UPR 999,,hostile-5",
            uhri + "Text,- Kenya,- France,Noted,UPR 40,- 18.1 - No such target,hostile-6", uhri + "\u202Eنص\U0001F600,- Kenya,- France,Noted,UPR 40,- 99.9 - None,hostile-7", uhri + "Text,- Kenya,- France,Noted,UPR 40,,hostile\u0007",
            uhri + "Text,- Kenya,- France,Noted,UPR 40,," + new string('i', 5000), uhri + "Text,- Kenya,- France,Noted,UPR 40,,dup\nText,- Kenya,- France,Noted,UPR 40,,dup",
        })
        {
            yield return new Case(DemoUsers.Admin, "POST", "/api/v1/recommendations/imports", csv);
        }

        // Lists: bad paging and filters.
        foreach (var query in new[] { "limit=0", "limit=501", "limit=abc", "status=Lost", "fund=bad%20code", "cursor=" + new string('c', 300), "donor=not-a-guid" })
        {
            yield return new Case(officer, "GET", $"{pledges}?{query}", null);
        }

        // Headers: stale or malformed If-Match, reused idempotency keys, bad keys.
        yield return new Case(officer, "POST", receipts, Receipt().ToJsonString(), new Dictionary<string, string> { ["If-Match"] = "\"v1\"" });
        yield return new Case(officer, "POST", receipts, Receipt().ToJsonString(), new Dictionary<string, string> { ["If-Match"] = "\"version one\"" });
        yield return new Case(officer, "POST", receipts, Receipt().ToJsonString(), new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 201) });
        yield return new Case(officer, "POST", receipts, Receipt().ToJsonString(), new Dictionary<string, string> { ["Idempotency-Key"] = PriorKey });

        // Tokens: missing, forged, expired-looking; and roles without the right.
        foreach (var token in new[] { "", "Bearer", "Bearer forged", "Basic b2ZmaWNlcjpwYXNz", "Bearer " + new string('A', 500) })
        {
            yield return new Case("raw:" + token, "POST", receipts, Receipt().ToJsonString());
            yield return new Case("raw:" + token, "GET", pledges, null);
        }

        yield return new Case(DemoUsers.Auditor, "POST", receipts, Receipt().ToJsonString());
        yield return new Case(DemoUsers.Board, "POST", pledges, Announce().ToJsonString());
        yield return new Case(DemoUsers.NorwayDonor, "GET", $"/api/v1/pledges/{DemoIds.For("pledge", "germany/0")}", null);
        yield return new Case(DemoUsers.NorwayDonor, "GET", $"/api/v1/donors/{GermanyDonor}", null);
        yield return new Case(DemoUsers.GermanyDonor, "GET", $"/api/v1/pledges/{NorwayPledge}/receipts", null);
    }

    private const string PriorKey = "hostile-prior-key";

    [Fact]
    public async Task Hostile_requests_get_4xx_problems_and_change_nothing()
    {
        var clients = new Dictionary<string, HttpClient>();
        async Task<HttpClient> Client(string who)
        {
            if (!clients.TryGetValue(who, out var client))
            {
                client = who.StartsWith("raw:", StringComparison.Ordinal) ? api.CreateClient() : await api.LoginAsync(who);
                if (who.StartsWith("raw:", StringComparison.Ordinal) && who.Length > 4)
                {
                    client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", who[4..]);
                }

                clients[who] = client;
            }

            return client;
        }

        // One real receipt under a key, so that the same key with another body can be tried below.
        var officer = await Client(DemoUsers.Officer);
        using (var prior = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pledges/{OpenPledge}/receipts") { Content = Json(Receipt().ToJsonString()) })
        {
            prior.Headers.Add("Idempotency-Key", PriorKey);
            Assert.Equal(HttpStatusCode.Created, (await officer.SendAsync(prior)).StatusCode);
        }

        var declared = await DeclaredProblems.LoadAsync(api.CreateClient());
        var before = await SnapshotAsync();
        var cases = Cases().ToList();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
            if (c.Body is not null)
            {
                request.Content = Json(c.Body);
            }

            foreach (var (name, value) in c.Headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            var response = await (await Client(c.Who)).SendAsync(request);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync();
            if (status is < 400 or >= 500 || type != "application/problem+json")
            {
                failures.Add($"{status} {type}: {c} → {body[..Math.Min(body.Length, 200)]}");
            }
            else if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Npgsql", StringComparison.Ordinal) || body.Contains("System.", StringComparison.Ordinal))
            {
                failures.Add($"internals leaked: {c} → {body}");
            }
            else if (await declared.CheckAsync(c.Method, c.Url, response) is { } undeclared)
            {
                failures.Add($"undeclared in the OpenAPI document: {undeclared}: {c}");
            }
        }

        Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<string> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select (select count(*) from streams) || '/' || (select count(*) from events) || '/' || (select count(*) from commands) || '/'
                || (select count(*) from journal_entries) || '/' || (select count(*) from journal_lines) || '/' || (select count(*) from receipt_references) || '/'
                || (select count(*) from exchange_rates) || '/' || (select count(*) from users) || '/'
                || (select string_agg(fund_code || ':' || last_seq || ':' || encode(last_hash, 'hex'), ',' order by fund_code) from ledger_heads)
            """, connection);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
