using System.Text;

namespace FundManager.Api.Tests;

/// <summary>
/// Walks every operation of the OpenAPI document with every role (and anonymously) and checks README's access
/// table: a role that may call an operation never gets 401/403; one that may not always does. POST bodies are
/// empty objects, so an allowed call is refused as bad input and nothing changes.
/// </summary>
public sealed class AccessMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Users = [DemoUsers.NorwayDonor, DemoUsers.Officer, DemoUsers.Approver, DemoUsers.Board, DemoUsers.Auditor, DemoUsers.Admin];
    private static readonly string[] Everyone = [DemoUsers.NorwayDonor, DemoUsers.Officer, DemoUsers.Approver, DemoUsers.Board, DemoUsers.Auditor, DemoUsers.Admin];
    private static readonly string[] Staff = [DemoUsers.Officer, DemoUsers.Approver, DemoUsers.Board, DemoUsers.Auditor, DemoUsers.Admin];
    private static readonly string[] LedgerReaders = [DemoUsers.Officer, DemoUsers.Approver, DemoUsers.Board, DemoUsers.Auditor];

    /// <summary>README's table: who may call each operation (by method and path template).</summary>
    private static string[] Allowed(string method, string path) => (method, path) switch
    {
        ("POST", "/api/v1/auth/login" or "/api/v1/auth/refresh") => [Anonymous, .. Everyone],
        ("GET", "/health/live" or "/health/ready") => [Anonymous, .. Everyone],
        ("POST", "/api/v1/auth/logout") => Everyone,
        ("GET", "/api/v1/funds" or "/api/v1/funds/{code}") => Everyone,
        ("POST", "/api/v1/funds" or "/api/v1/funds/{code}/rates" or "/api/v1/exchange-rates" or "/api/v1/recommendations/imports") => [DemoUsers.Admin],
        ("GET", "/api/v1/donors/{id}" or "/api/v1/donors/{id}/history" or "/api/v1/pledges" or "/api/v1/pledges/{id}" or "/api/v1/pledges/{id}/receipts"
            or "/api/v1/pledges/{id}/history" or "/api/v1/receipts" or "/api/v1/exchange-rates"
            or "/api/v1/donors/{id}/utilisation" or "/api/v1/donors/{id}/utilisation.xlsx" or "/api/v1/donors/{id}/utilisation.html") => Everyone,
        (_, "/api/v1/users" or "/api/v1/users/{email}/disable" or "/api/v1/users/{email}/roles") => [DemoUsers.Admin],
        (_, _) when path.StartsWith("/api/v1/templates", StringComparison.Ordinal) => [DemoUsers.Admin],
        ("GET", _) when path.StartsWith("/api/v1/donors", StringComparison.Ordinal) || path.StartsWith("/api/v1/grants", StringComparison.Ordinal)
            || path.StartsWith("/api/v1/recommendations", StringComparison.Ordinal) => Staff,
        ("POST", "/api/v1/pledges") => [DemoUsers.Officer, DemoUsers.NorwayDonor],
        ("POST", "/api/v1/grants/{id}/recommend") => [DemoUsers.Board],
        ("POST", _) when path.EndsWith("/approve", StringComparison.Ordinal) || path.EndsWith("/reject", StringComparison.Ordinal)
            || path.EndsWith("/cancel", StringComparison.Ordinal) && path.StartsWith("/api/v1/grants", StringComparison.Ordinal)
            || path.EndsWith("/close", StringComparison.Ordinal) || path.EndsWith("/accept", StringComparison.Ordinal)
            || path.EndsWith("/return", StringComparison.Ordinal) => [DemoUsers.Approver],
        ("POST", _) when path.StartsWith("/api/v1/donors", StringComparison.Ordinal) || path.StartsWith("/api/v1/pledges", StringComparison.Ordinal)
            || path.StartsWith("/api/v1/receipts", StringComparison.Ordinal) || path.StartsWith("/api/v1/recommendations", StringComparison.Ordinal)
            || path.StartsWith("/api/v1/grants", StringComparison.Ordinal) => [DemoUsers.Officer],
        ("GET", _) when path.StartsWith("/api/v1/ledger", StringComparison.Ordinal) => LedgerReaders,
        ("GET", "/api/v1/audit") => [DemoUsers.Auditor, DemoUsers.Admin],
        ("GET", _) when path.StartsWith("/api/v1/funds/{code}/reports/", StringComparison.Ordinal) => LedgerReaders,
        ("GET", "/api/v1/reminders") => Everyone,
        ("POST", "/api/v1/bank-statements" or "/api/v1/bank-entries/{id}/confirm") => [DemoUsers.Officer],
        ("GET", "/api/v1/donations/settings") or ("POST", "/api/v1/donations" or "/api/v1/webhooks/stripe") => [Anonymous, .. Everyone],
        ("GET", "/api/v1/donations/{id}") => Everyone,
        ("GET", _) when path.StartsWith("/api/v1/public/", StringComparison.Ordinal) => [Anonymous, .. Everyone],
        ("GET", "/api/v1/webhooks/stripe/deliveries") => [DemoUsers.Auditor, DemoUsers.Admin],
        ("GET", "/api/v1/bank-entries" or "/api/v1/bank-entries/{id}") => [DemoUsers.Officer, DemoUsers.Approver],
        ("POST", "/api/v1/reminders/{id}/acknowledge") => [DemoUsers.Officer, DemoUsers.Approver],
        _ => throw new InvalidOperationException($"The access table does not know {method} {path}; add it to README and here."),
    };

    [Fact]
    public async Task Every_operation_admits_exactly_the_roles_of_the_access_table()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = api.CreateClient() };
        foreach (var user in Users)
        {
            clients[user] = await api.LoginAsync(user);
        }

        var otherDonor = DemoIds.For("donor", "germany");
        var ids = new Dictionary<string, string>
        {
            ["/api/v1/donors/"] = otherDonor.ToString(),
            ["/api/v1/pledges/"] = DemoIds.For("pledge", "germany/0").ToString(),
            ["/api/v1/grants/"] = DemoIds.For("grant", "1").ToString(),
            ["/api/v1/bank-entries/"] = "1",
        };
        var operations = 0;
        var failures = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (method is not ("GET" or "POST"))
                {
                    continue;
                }

                operations++;
                var allowed = Allowed(method, path.Name);
                var url = path.Name
                    .Replace("{id}", ids.FirstOrDefault(i => path.Name.StartsWith(i.Key, StringComparison.Ordinal)).Value ?? Guid.NewGuid().ToString(), StringComparison.Ordinal)
                    .Replace("{code}", "VFTC", StringComparison.Ordinal)
                    .Replace("{fund}", "VFTC", StringComparison.Ordinal)
                    .Replace("{number}", "1", StringComparison.Ordinal)
                    .Replace("{account}", "1000", StringComparison.Ordinal)
                    .Replace("{year}", "2025", StringComparison.Ordinal)
                    .Replace("{name}", "narrative.md.sbn", StringComparison.Ordinal)
                    .Replace("{version}", "0", StringComparison.Ordinal);
                foreach (var (who, client) in clients)
                {
                    // Logging out would end the walk for that user: only the refusal of anonymous callers is tried.
                    if (path.Name == "/api/v1/auth/logout" && who != Anonymous)
                    {
                        continue;
                    }

                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method == "POST")
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var expectAllowed = allowed.Contains(who);
                    var denied = status is 401 or 403;
                    if (expectAllowed == denied)
                    {
                        failures.Add($"{who} {method} {url}: {status}, expected {(expectAllowed ? "access" : "401/403")}");
                    }

                    // Online giving is not configured here: it says so (503, OnlineGivingOff), which is no failure.
                    if (status >= 500 && !(status == 503 && (await response.Content.ReadAsStringAsync()).Contains("\"OnlineGivingOff\"", StringComparison.Ordinal)))
                    {
                        failures.Add($"{who} {method} {url}: {status}");
                    }
                }
            }
        }

        Assert.True(operations >= 40, $"only {operations} operations in the OpenAPI document");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_donor_sees_their_own_records_and_gets_404_for_anyone_elses()
    {
        var norway = await api.LoginAsync(DemoUsers.NorwayDonor);
        var own = DemoIds.For("donor", "norway");

        Assert.Equal(HttpStatusCode.OK, (await norway.GetAsync($"/api/v1/donors/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await norway.GetAsync($"/api/v1/pledges/{DemoIds.For("pledge", "norway/0")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await norway.GetAsync($"/api/v1/donors/{DemoIds.For("donor", "germany")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await norway.GetAsync($"/api/v1/pledges/{DemoIds.For("pledge", "germany/0")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await norway.GetAsync($"/api/v1/pledges/{DemoIds.For("pledge", "germany/0")}/receipts")).StatusCode);

        var list = await norway.GetFromJsonAsync<JsonElement>($"/api/v1/pledges?donor={DemoIds.For("donor", "germany")}&limit=500");
        var donors = list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("donor").GetGuid()).Distinct().ToList();
        Assert.Equal([own], donors);
    }
}
