namespace FundManager.Api.Tests;

/// <summary>A year of a fund's life as the secretariat runs it, entirely through the API.</summary>
public sealed class ScenarioTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Fund_donor_multi_year_pledge_receipts_grant_tranches_and_trial_balance()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var approver = await api.LoginAsync(DemoUsers.Approver);
        var board = await api.LoginAsync(DemoUsers.Board);
        var auditor = await api.LoginAsync(DemoUsers.Auditor);

        await Ok(admin.PostAsJsonAsync("/api/v1/funds", new { code = "SCN-FUND", name = "Scenario fund" }), HttpStatusCode.Created);
        var rates = new StringContent("currency,rate,effective\nSEK,10.0000,2025-01-10\nSEK,11.0000,2025-06-10\nSEK,9.5000,2026-01-10\n", System.Text.Encoding.UTF8, "text/csv");
        await Ok(admin.PostAsync("/api/v1/exchange-rates", rates), HttpStatusCode.OK);

        var donor = await Id(officer.PostAsJsonAsync("/api/v1/donors", new { name = "Sweden (scenario)", type = "MemberState", country = "SWE" }));
        var pledge = await Id(officer.PostAsJsonAsync("/api/v1/pledges", new
        {
            donor,
            fund = "SCN-FUND",
            currency = "SEK",
            total = 3_000_000m,
            instalments = new[] { new { dueOn = "2025-03-31", amount = 1_000_000m }, new { dueOn = "2026-03-31", amount = 1_000_000m }, new { dueOn = "2027-03-31", amount = 1_000_000m } },
            announcedOn = "2024-12-01",
        }));
        await Ok(officer.PostAsJsonAsync($"/api/v1/pledges/{pledge}/sign", new { signedOn = "2025-01-15", agreementReference = "SE-2025-1" }));

        // Booked at 10.0: 100,000.00 USD per instalment. Received at 11.0 (loss 9,090.91) and at 9.5 (gain 5,263.16).
        await Ok(officer.PostAsJsonAsync($"/api/v1/pledges/{pledge}/receipts", new { reference = "SEB-1", channel = "BankTransfer", receivedOn = "2025-06-20", amount = 1_000_000m, currency = "SEK" }), HttpStatusCode.Created);
        await Ok(officer.PostAsJsonAsync($"/api/v1/pledges/{pledge}/receipts", new { reference = "SEB-2", channel = "BankTransfer", receivedOn = "2026-01-20", amount = 1_000_000m, currency = "SEK" }), HttpStatusCode.Created);

        await Ok(officer.PostAsJsonAsync("/api/v1/recommendations", new
        {
            id = "PRY-SCN-1", stateUnderReview = "PRY", recommendingStates = new[] { "URY" }, cycle = 4, session = 43,
            text = "Strengthen SIMORE", themes = new[] { "National mechanisms" }, sdgTargets = new[] { "16.6" }, position = "Supported",
        }), HttpStatusCode.Created);
        var grant = await Id(officer.PostAsJsonAsync("/api/v1/grants", new
        {
            fund = "SCN-FUND",
            plan = new
            {
                implementingEntityName = "SIMORE", implementingEntityType = "NationalMechanism", country = "PRY", region = "Americas",
                title = "SIMORE", summary = "Support to SIMORE", start = "2025-01-01", end = "2026-12-31", modality = "SouthSouth",
                recommendations = new[] { "PRY-SCN-1" }, sdgTargets = new[] { "16.6" },
                budget = new[] { new { year = 2025, amount = 60_000m }, new { year = 2026, amount = 40_000m } },
                tranches = new[] { new { plannedOn = "2025-09-01", amount = 60_000m }, new { plannedOn = "2026-03-01", amount = 40_000m } },
            },
        }));
        await Ok(officer.PostAsJsonAsync($"/api/v1/grants/{grant}/consent", new { reference = "NV-PRY-77", givenOn = "2025-05-01" }));
        await Ok(officer.PostAsJsonAsync($"/api/v1/grants/{grant}/submit", new { on = "2025-05-02" }));
        await Ok(officer.PostAsJsonAsync($"/api/v1/grants/{grant}/review", new { on = "2025-05-03" }));
        await Ok(board.PostAsJsonAsync($"/api/v1/grants/{grant}/recommend", new { boardSession = "BoT-2025-1", on = "2025-06-10" }));
        await Ok(approver.PostAsJsonAsync($"/api/v1/grants/{grant}/approve", new { on = "2025-06-20" }));

        await Ok(officer.PostAsJsonAsync($"/api/v1/grants/{grant}/tranches/1/prepare", new { on = "2025-09-01" }));
        var own = await officer.PostAsJsonAsync($"/api/v1/grants/{grant}/tranches/1/approve", new { on = "2025-09-02" });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        await Ok(approver.PostAsJsonAsync($"/api/v1/grants/{grant}/tranches/1/approve", new { on = "2025-09-02" }));
        await Ok(officer.PostAsJsonAsync($"/api/v1/grants/{grant}/progress-reports", new { periodStart = "2025-09-01", periodEnd = "2026-01-31", coversTranche = 1, narrative = "Database online.", values = Array.Empty<object>(), on = "2026-02-10" }));
        await Ok(approver.PostAsJsonAsync($"/api/v1/grants/{grant}/progress-reports/1/accept", new { on = "2026-02-15" }));
        await Ok(officer.PostAsJsonAsync($"/api/v1/grants/{grant}/tranches/2/prepare", new { on = "2026-03-01" }));
        await Ok(approver.PostAsJsonAsync($"/api/v1/grants/{grant}/tranches/2/approve", new { on = "2026-03-02" }));

        var balance = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/ledger/SCN-FUND/trial-balance");
        decimal Balance(string account) => balance.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("account").GetString() == account).GetProperty("balance").GetDecimal();
        Assert.Equal(balance.GetProperty("totalDebit").GetDecimal(), balance.GetProperty("totalCredit").GetDecimal());

        // Cash: 90,909.09 + 105,263.16 − 100,000.00 paid = 96,172.25.
        Assert.Equal(96_172.25m, Balance("1000"));
        Assert.Equal(100_000m, Balance("1100"));
        Assert.Equal(-300_000m, Balance("4000"));
        Assert.Equal(9_090.91m - 5_263.16m, Balance("4900"));
        Assert.Equal(100_000m, Balance("5000"));
        Assert.Equal(13_000m, Balance("5100"));
        Assert.Equal(-13_000m, Balance("2100"));
        Assert.Equal(0m, Balance("9000"));
        var verify = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/ledger/verify?fund=SCN-FUND");
        Assert.True(verify.GetProperty("intact").GetBoolean());
    }


    private static async Task<Guid> Id(Task<HttpResponseMessage> call) =>
        Guid.Parse((await Ok(call, HttpStatusCode.Created)).GetProperty("id").GetString()!);
}
