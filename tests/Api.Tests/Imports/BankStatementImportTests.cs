using System.Text;

namespace FundManager.Api.Tests.Imports;

/// <summary>
/// A bank statement through the API to the ledger: imported, its credits matched (by reference, by the donor's IBAN) or
/// left in suspense, its debits shown; confirmed by the officer into receipts; the trial balance and the donor's
/// statement moved by exactly those receipts. Imported or confirmed again, nothing is counted twice; a statement that
/// does not add up, or XML that is not a statement, stores nothing.
/// </summary>
public sealed class BankStatementImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Account = "CH9300762011623852957";
    private const string DonorIban = "DE89370400440532013000";

    [Fact]
    public async Task Statement_to_receipts_to_trial_balance_and_donor_statement()
    {
        var (officer, donor, pledge) = await DonorWithSignedPledgeAsync("BNK-FUND", "Aotearoa Trust (bank statements)", "NZ-AGR-2026-7");
        var statement = StatementXml.Of(
            "MSG-2026-10", "STMT-2026-10", Account, "NZD", 1_000m,
            new StatementLine("BNK-1", 100_000m, "Aotearoa Trust", "NZ0211111111111111", "Contribution NZ-AGR-2026-7 first instalment"),
            new StatementLine("BNK-2", 99_600m, "A. Trust", DonorIban, "Second payment"),
            new StatementLine("BNK-3", 5_000m, "Unknown Foundation", null, "Gift"),
            new StatementLine("BNK-4", -25m, null, null, "Charges October"),
            new StatementLine("BNK-5", 70m, "Somebody", null, "Pending", Booked: false));

        var imported = await Ok(officer.PostAsync("/api/v1/bank-statements", Xml(statement)));
        Assert.Equal((1, 1, 5, 5), (imported.GetProperty("statements").GetInt32(), imported.GetProperty("newStatements").GetInt32(), imported.GetProperty("entries").GetInt32(), imported.GetProperty("newEntries").GetInt32()));
        Assert.Equal((2, 1, 1, 1), (imported.GetProperty("proposed").GetInt32(), imported.GetProperty("suspense").GetInt32(), imported.GetProperty("debits").GetInt32(), imported.GetProperty("pending").GetInt32()));

        var entries = (await Ok(officer.GetAsync($"/api/v1/bank-entries?account={Account}"))).GetProperty("items").EnumerateArray().ToDictionary(e => e.GetProperty("reference").GetString()!);
        Assert.Equal(("Proposed", "reference", pledge.ToString()), Match(entries["BNK-1"]));
        Assert.Equal(("Proposed", "donor", pledge.ToString()), Match(entries["BNK-2"]));
        Assert.Equal(2, entries["BNK-2"].GetProperty("instalment").GetInt32());
        Assert.Equal("Suspense", entries["BNK-3"].GetProperty("status").GetString());
        Assert.Equal(("Debit", 25m, false), (entries["BNK-4"].GetProperty("status").GetString(), entries["BNK-4"].GetProperty("amount").GetProperty("amount").GetDecimal(), entries["BNK-4"].GetProperty("isCredit").GetBoolean()));
        Assert.Equal("Pending", entries["BNK-5"].GetProperty("status").GetString());

        var auditor = await api.LoginAsync(DemoUsers.Auditor);
        var before = await Ok(auditor.GetAsync("/api/v1/ledger/BNK-FUND/trial-balance"));
        foreach (var reference in new[] { "BNK-1", "BNK-2" })
        {
            var confirmed = await Ok(officer.PostAsync($"/api/v1/bank-entries/{Id(entries[reference])}/confirm", null));
            Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());
        }

        var gift = await Ok(officer.PostAsJsonAsync($"/api/v1/bank-entries/{Id(entries["BNK-3"])}/confirm", new { donor, fund = "BNK-FUND" }));
        Assert.Equal(donor.ToString(), gift.GetProperty("donor").GetString());

        // 204,600 NZD received at 1.6 per USD: 127,875.00 USD into cash; the pledge's receivable relieved of 124,750.00.
        var after = await Ok(auditor.GetAsync("/api/v1/ledger/BNK-FUND/trial-balance"));
        Assert.Equal(after.GetProperty("totalDebit").GetDecimal(), after.GetProperty("totalCredit").GetDecimal());
        Assert.Equal(127_875.00m, Balance(after, "1000") - Balance(before, "1000"));
        Assert.Equal(-124_750.00m, Balance(after, "1100") - Balance(before, "1100"));
        Assert.Equal(-3_125.00m, Balance(after, "4000") - Balance(before, "4000"));

        var view = await Ok(officer.GetAsync($"/api/v1/pledges/{pledge}"));
        var instalments = view.GetProperty("instalments").EnumerateArray().Select(i => i.GetProperty("paid").GetProperty("amount").GetDecimal()).ToList();
        Assert.Equal([100_000m, 99_600m, 0m], instalments);
        var receipts = (await Ok(officer.GetAsync($"/api/v1/receipts?donor={donor}"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["BNK-1", "BNK-2", "BNK-3"], receipts.Select(r => r.GetProperty("reference").GetString()).Order());
        Assert.All(receipts, r => Assert.Equal("BankTransfer", r.GetProperty("channel").GetString()));

        var donorStatement = await Ok(officer.GetAsync($"/api/v1/donors/{donor}/utilisation?year=2026"));
        Assert.Equal(127_875.00m, donorStatement.GetProperty("receivedUsd").GetDecimal());

        // Confirmed or imported again: nothing is counted twice.
        var again = await Ok(officer.PostAsync($"/api/v1/bank-entries/{Id(entries["BNK-1"])}/confirm", null));
        Assert.Equal(entries["BNK-1"].GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        var reimported = await Ok(officer.PostAsync("/api/v1/bank-statements", Xml(statement)));
        Assert.Equal((0, 0), (reimported.GetProperty("newStatements").GetInt32(), reimported.GetProperty("newEntries").GetInt32()));
        var unchanged = await Ok(auditor.GetAsync("/api/v1/ledger/BNK-FUND/trial-balance"));
        Assert.Equal(Balance(after, "1000"), Balance(unchanged, "1000"));
        Assert.Equal(3, (await Ok(officer.GetAsync($"/api/v1/receipts?donor={donor}"))).GetProperty("items").GetArrayLength());

        var debit = await officer.PostAsync($"/api/v1/bank-entries/{Id(entries["BNK-4"])}/confirm", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, debit.StatusCode);
        Assert.Equal("BankEntryNotACredit", (await debit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_credit_in_suspense_is_not_confirmed_without_a_pledge_or_a_donor()
    {
        var (officer, _, _) = await DonorWithSignedPledgeAsync("BNK-SUSP", "Suspense Trust", "NZ-SUSP-1");
        await Ok(officer.PostAsync("/api/v1/bank-statements", Xml(StatementXml.Of("MSG-S", "STMT-S", Account, "NZD", 0m, new StatementLine("SUSP-1", 10m, "Nobody")))));
        var entry = (await Ok(officer.GetAsync("/api/v1/bank-entries?status=Suspense"))).GetProperty("items").EnumerateArray().Single(e => e.GetProperty("reference").GetString() == "SUSP-1");

        var refused = await officer.PostAsync($"/api/v1/bank-entries/{Id(entry)}/confirm", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("BankEntryUnmatched", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal("Suspense", (await Ok(officer.GetAsync($"/api/v1/bank-entries/{Id(entry)}"))).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("unbalanced", "the difference is 1.00.")]
    [InlineData("xxe", "declares a DTD")]
    [InlineData("namespace", "Not a camt.053 statement")]
    [InlineData("truncated", "Not well-formed XML")]
    public async Task A_refused_file_stores_nothing_and_says_why(string kind, string reason)
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var good = StatementXml.Of("MSG-BAD-" + kind, "STMT-BAD", "GB33BUKB20201555555555", "USD", 0m, new StatementLine("BAD-" + kind, 10m, "X"));
        var body = kind switch
        {
            "unbalanced" => good.Replace("<Amt Ccy=\"USD\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt>", "<Amt Ccy=\"USD\">11.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt>", StringComparison.Ordinal),
            "xxe" => good.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", StringComparison.Ordinal).Replace("Gift", "&x;", StringComparison.Ordinal),
            "namespace" => good.Replace("camt.053.001.08", "camt.054.001.08", StringComparison.Ordinal),
            _ => good[..(good.Length / 2)],
        };

        var refused = await officer.PostAsync("/api/v1/bank-statements", Xml(body));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Ok(officer.GetAsync("/api/v1/bank-entries?account=GB33BUKB20201555555555"))).GetProperty("items").GetArrayLength());
    }

    private async Task<(HttpClient Officer, Guid Donor, Guid Pledge)> DonorWithSignedPledgeAsync(string fund, string name, string agreement)
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var officer = await api.LoginAsync(DemoUsers.Officer);
        await Ok(admin.PostAsJsonAsync("/api/v1/funds", new { code = fund, name = "Fund " + fund }), HttpStatusCode.Created);
        await Ok(admin.PostAsync("/api/v1/exchange-rates", new StringContent("currency,rate,effective\nNZD,1.6000,2026-01-01\n", Encoding.UTF8, "text/csv")));
        var donor = IdOf(await Ok(officer.PostAsJsonAsync("/api/v1/donors", new { name, type = "Foundation" }), HttpStatusCode.Created));
        await Ok(officer.PostAsJsonAsync($"/api/v1/donors/{donor}/bank-accounts", new { iban = DonorIban }));
        var pledge = IdOf(await Ok(officer.PostAsJsonAsync("/api/v1/pledges", new
        {
            donor,
            fund,
            currency = "NZD",
            total = 300_000m,
            instalments = new[] { new { dueOn = "2026-03-31", amount = 100_000m }, new { dueOn = "2026-09-30", amount = 100_000m }, new { dueOn = "2027-03-31", amount = 100_000m } },
            announcedOn = "2026-01-05",
        }), HttpStatusCode.Created));
        await Ok(officer.PostAsJsonAsync($"/api/v1/pledges/{pledge}/sign", new { signedOn = "2026-01-10", agreementReference = agreement }));
        return (officer, donor, pledge);
    }

    private static (string?, string?, string?) Match(JsonElement entry) =>
        (entry.GetProperty("status").GetString(), entry.GetProperty("matchedBy").GetString(), entry.GetProperty("pledge").GetString());

    private static long Id(JsonElement entry) => entry.GetProperty("id").GetInt64();

    private static Guid IdOf(JsonElement created) => Guid.Parse(created.GetProperty("id").GetString()!);

    private static decimal Balance(JsonElement trialBalance, string account) =>
        trialBalance.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("account").GetString() == account).Sum(r => r.GetProperty("balance").GetDecimal());

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");
}
