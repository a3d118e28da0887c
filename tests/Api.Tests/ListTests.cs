using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Pledges;

namespace FundManager.Api.Tests;

/// <summary>
/// Lists page and filter through the listings kept beside each stream. Every expectation is computed from the
/// entities themselves (replayed from their histories), so a listing that drifted from its entity fails here.
/// </summary>
public sealed class ListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("fund=UPR-VFTA")]
    [InlineData("status=Active")]
    [InlineData("region=Africa")]
    [InlineData("year=2024")]
    [InlineData("modality=SouthSouth")]
    [InlineData("fund=VFTC&status=Closed&year=2022")]
    public async Task Grant_pages_hold_exactly_the_grants_that_match(string filter)
    {
        var all = await api.System.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant);
        var query = Query(filter);
        var expected = all
            .Where(g => !query.TryGetValue("fund", out var f) || g.Fund.Value == f)
            .Where(g => !query.TryGetValue("status", out var s) || g.Status.ToString() == s)
            .Where(g => !query.TryGetValue("region", out var r) || g.Details.Region.ToString() == r)
            .Where(g => !query.TryGetValue("year", out var y) || g.Details.Period.ContainsYear(int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(g => !query.TryGetValue("modality", out var m) || g.Details.Modality.ToString() == m)
            .Select(g => g.Id.Value.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

        var listed = await WalkAsync(await api.LoginAsync(DemoUsers.Board), "/api/v1/grants", filter, limit: 4);

        Assert.Equal(expected, listed);
        Assert.NotEmpty(all);
    }

    [Theory]
    [InlineData("")]
    [InlineData("status=PartiallyPaid")]
    [InlineData("year=2026")]
    [InlineData("earmark=Region")]
    [InlineData("fund=UPR-VFP&status=Paid")]
    public async Task Pledge_pages_hold_exactly_the_pledges_that_match(string filter)
    {
        var all = await api.System.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge);
        var query = Query(filter);
        var expected = all
            .Where(p => !query.TryGetValue("fund", out var f) || p.Fund.Value == f)
            .Where(p => !query.TryGetValue("status", out var s) || p.Status.ToString() == s)
            .Where(p => !query.TryGetValue("earmark", out var e) || p.Earmark.Kind.ToString() == e)
            .Where(p => !query.TryGetValue("year", out var y) || p.Instalments.Any(i => i.DueOn.Year == int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)))
            .Select(p => p.Id.Value.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

        var listed = await WalkAsync(await api.LoginAsync(DemoUsers.Officer), "/api/v1/pledges", filter, limit: 7);

        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task A_donor_lists_only_their_own_receipts_whatever_they_ask_for()
    {
        var norway = DemoIds.For("donor", "norway");
        var germany = DemoIds.For("donor", "germany");
        var expected = await ReceiptIdsAsync(p => p.Donor.Value == norway, _ => true);
        var donor = await api.LoginAsync(DemoUsers.NorwayDonor);

        var own = await WalkAsync(donor, "/api/v1/receipts", "", limit: 3);
        var asked = await WalkAsync(donor, "/api/v1/receipts", $"donor={germany}", limit: 50);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, own);
        Assert.Equal(expected, asked);
    }

    [Fact]
    public async Task Staff_filter_receipts_by_donor_fund_and_year()
    {
        var germany = DemoIds.For("donor", "germany");
        var expected = await ReceiptIdsAsync(p => p.Donor.Value == germany && p.Fund.Value == "VFTC", r => r.ReceivedOn.Year == 2024);
        var auditor = await api.LoginAsync(DemoUsers.Auditor);

        var listed = await WalkAsync(auditor, "/api/v1/receipts", $"donor={germany}&fund=VFTC&year=2024", limit: 2);

        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task Journal_pages_join_up_into_the_whole_journal()
    {
        var expected = new List<string>();
        await foreach (var entry in api.System.Ledger.EntriesAsync(FundCode.Parse("VFTC")))
        {
            expected.Add(entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var auditor = await api.LoginAsync(DemoUsers.Auditor);
        var listed = await WalkAsync(auditor, "/api/v1/ledger/VFTC/entries", "", limit: 37, id: "sequence");

        Assert.Equal(expected, listed);
        Assert.True(expected.Count > 37);
    }

    [Fact]
    public async Task An_accounts_running_balance_ends_at_its_trial_balance()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var trial = await api.System.Ledger.TrialBalanceAsync(FundCode.Parse("UPR-VFTA"));
        var lines = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/ledger/UPR-VFTA/accounts/1000?limit=11{(cursor is null ? "" : "&cursor=" + cursor)}");
            lines.AddRange(page.GetProperty("lines").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var running = 0m;
        foreach (var line in lines)
        {
            running += line.GetProperty("debit").GetDecimal() - line.GetProperty("credit").GetDecimal();
            Assert.Equal(running, line.GetProperty("balance").GetDecimal());
        }

        Assert.Equal(trial.BalanceOf(Account.Cash), running);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/ledger/UPR-VFTA/accounts/1234")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/ledger/UPR-VFTA/accounts/Cash")).StatusCode);
    }

    [Fact]
    public async Task Exchange_rate_pages_hold_every_recorded_rate_of_the_currency()
    {
        var expected = new List<string>();
        await using (var connection = new Npgsql.NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("select to_char(effective_on, 'YYYY-MM-DD') from exchange_rates where currency = 'EUR' order by effective_on", connection);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                expected.Add(reader.GetString(0));
            }
        }

        var donor = await api.LoginAsync(DemoUsers.GermanyDonor);

        var listed = await WalkAsync(donor, "/api/v1/exchange-rates", "currency=EUR", limit: 5, id: "effectiveOn");

        Assert.True(expected.Count > 5);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task An_entitys_history_pages_through_every_version_and_stays_private_to_its_donor()
    {
        var grant = DemoIds.For("grant", "8");
        var version = (await api.System.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new Common.GrantId(grant)))).Version;
        var board = await api.LoginAsync(DemoUsers.Board);
        var norway = await api.LoginAsync(DemoUsers.NorwayDonor);

        var versions = await WalkAsync(board, $"/api/v1/grants/{grant}/history", "", limit: 3, id: "version");

        Assert.Equal(Enumerable.Range(1, (int)version).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), versions);
        Assert.Equal(HttpStatusCode.OK, (await norway.GetAsync($"/api/v1/pledges/{DemoIds.For("pledge", "norway/0")}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await norway.GetAsync($"/api/v1/pledges/{DemoIds.For("pledge", "germany/0")}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await norway.GetAsync($"/api/v1/donors/{DemoIds.For("donor", "germany")}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"/api/v1/grants/{Guid.NewGuid()}/history")).StatusCode);
    }

    private async Task<List<string>> ReceiptIdsAsync(Func<Pledge, bool> pledge, Func<ReceiptRecorded, bool> receipt)
    {
        var ids = new List<string>();
        foreach (var p in (await api.System.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge)).Where(pledge))
        {
            foreach (var e in (await api.System.Entities.HistoryAsync(StreamId.For(p.Id))).Select(h => h.Event).OfType<ReceiptRecorded>().Where(receipt))
            {
                ids.Add(e.Id.Value.ToString());
            }
        }

        return ids.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every page of a list, in order; checks that no item appears twice and that pages follow one another.</summary>
    private static async Task<List<string>> WalkAsync(HttpClient client, string path, string filter, int limit, string id = "id")
    {
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"{path}?limit={limit}{(filter.Length > 0 ? "&" + filter : "")}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}";
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(id).ToString()).ToList();
            Assert.True(items.Count <= limit);
            ids.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(cursor is null || items.Count == limit, "only a full page has a next page");
            Assert.True(++pages < 10_000);
        }
        while (cursor is not null);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        return path.EndsWith("receipts", StringComparison.Ordinal) ? ids.Order(StringComparer.Ordinal).ToList() : ids;
    }

    private static Dictionary<string, string> Query(string filter) =>
        filter.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
