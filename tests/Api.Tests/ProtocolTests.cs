using System.Text;

namespace FundManager.Api.Tests;

/// <summary>Idempotency keys, ETags and If-Match, segregation of duties for a user with both roles, and the audit trail.</summary>
public sealed class ProtocolTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Guid OpenPledge = DemoIds.For("pledge", "sweden/0");

    private static HttpRequestMessage Post(string url, string body, string? key = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Fact]
    public async Task A_replayed_key_returns_the_first_response_and_records_once()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var key = "receipt-" + Guid.NewGuid().ToString("N");
        var body = $"{{\"reference\":\"{key}\",\"channel\":\"BankTransfer\",\"receivedOn\":\"2026-11-01\",\"amount\":25,\"currency\":\"SEK\"}}";

        var first = await officer.SendAsync(Post($"/api/v1/pledges/{OpenPledge}/receipts", body, key));
        var replay = await officer.SendAsync(Post($"/api/v1/pledges/{OpenPledge}/receipts", body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var receipts = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/pledges/{OpenPledge}/receipts?limit=500");
        Assert.Single(receipts.GetProperty("items").EnumerateArray(), r => r.GetProperty("reference").GetString() == key.ToUpperInvariant());

        var different = await officer.SendAsync(Post($"/api/v1/pledges/{OpenPledge}/receipts", body.Replace("25", "26", StringComparison.Ordinal), key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Contains("command-id-reused", await different.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_based_on_a_stale_ETag_gets_412()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var read = await officer.GetAsync($"/api/v1/pledges/{OpenPledge}");
        var etag = read.Headers.ETag!.Tag;
        var body = "{{\"reference\":\"{0}\",\"channel\":\"BankTransfer\",\"receivedOn\":\"2026-11-01\",\"amount\":5,\"currency\":\"SEK\"}}";

        var current = await officer.SendAsync(Post($"/api/v1/pledges/{OpenPledge}/receipts", string.Format(System.Globalization.CultureInfo.InvariantCulture, body, Guid.NewGuid()), ifMatch: etag));
        Assert.Equal(HttpStatusCode.Created, current.StatusCode);
        var stale = await officer.SendAsync(Post($"/api/v1/pledges/{OpenPledge}/receipts", string.Format(System.Globalization.CultureInfo.InvariantCulture, body, Guid.NewGuid()), ifMatch: etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.NotEqual(etag, (await officer.GetAsync($"/api/v1/pledges/{OpenPledge}")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_user_with_both_roles_still_cannot_approve_what_they_prepared()
    {
        var email = $"both-{Guid.NewGuid():N}@test.org";
        await new Identity.UserStore(api.System.DataSource, TimeProvider.System).AddAsync(email, DemoUsers.Password, [Identity.Role.Officer, Identity.Role.Approver], null);
        var both = await api.LoginAsync(email);

        // An approved demo grant whose first tranche is still to be paid.
        var grants = await both.GetFromJsonAsync<JsonElement>("/api/v1/grants?status=Approved&limit=500");
        var grant = grants.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await both.SendAsync(Post($"/api/v1/grants/{grant}/tranches/1/prepare", "{\"on\":\"2026-11-01\"}"))).StatusCode);

        var own = await both.SendAsync(Post($"/api/v1/grants/{grant}/tranches/1/approve", "{\"on\":\"2026-11-02\"}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("preparer-cannot-approve", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approver = await api.LoginAsync(DemoUsers.Approver);
        Assert.Equal(HttpStatusCode.OK, (await approver.SendAsync(Post($"/api/v1/grants/{grant}/tranches/1/approve", "{\"on\":\"2026-11-02\"}"))).StatusCode);
    }

    [Fact]
    public async Task Every_state_changing_request_is_audited_whatever_its_outcome()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var key = "audit-" + Guid.NewGuid().ToString("N");
        await officer.SendAsync(Post("/api/v1/donors", "{\"name\":\"Audited\",\"type\":\"Foundation\"}", key));
        await officer.SendAsync(Post("/api/v1/donors", "{\"name\":\"\",\"type\":\"Foundation\"}", key + "-bad"));

        var auditor = await api.LoginAsync(DemoUsers.Auditor);
        var records = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?limit=500{(after is null ? "" : "&cursor=" + after)}");
            records.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("nextCursor").GetString();
        }
        while (after is not null);

        var ok = records.Single(r => r.GetProperty("idempotencyKey").GetString() == key);
        Assert.Equal(DemoUsers.Officer, ok.GetProperty("actor").GetString());
        Assert.Equal("succeeded", ok.GetProperty("outcome").GetString());
        Assert.Equal(201, ok.GetProperty("status").GetInt32());
        var refused = records.Single(r => r.GetProperty("idempotencyKey").GetString() == key + "-bad");
        Assert.Equal("refused", refused.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_problems_of_every_operation()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var missing = new List<string>();
        var commands = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                var open = path.Name.StartsWith("/api/v1/auth/", StringComparison.Ordinal) || !operation.Value.TryGetProperty("security", out _);
                string[] required = open ? ["400"]
                    : operation.Name == "post" ? ["400", "401", "404", "409", "412", "422"]
                    : ["400", "401", "404"];
                commands += operation.Name == "post" && required.Length > 1 ? 1 : 0;
                missing.AddRange(required.Where(s => !responses.TryGetProperty(s, out _)).Select(s => $"{operation.Name} {path.Name} {s}"));
                if (operation.Name == "post" && responses.TryGetProperty("412", out var stale))
                {
                    var types = stale.GetProperty("x-problem-types").EnumerateArray().Select(t => t.GetString()).ToList();
                    Assert.Equal(["urn:fundmanager:problem:version-mismatch"], types);
                    Assert.Equal("application/problem+json", stale.GetProperty("content").EnumerateObject().Single().Name);
                }
            }
        }

        Assert.True(commands >= 30, $"only {commands} commands");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
