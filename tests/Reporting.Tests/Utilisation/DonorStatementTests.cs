using FundManager.Entities;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Templates;
using FundManager.Reporting.Utilisation;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Utilisation;

/// <summary>Donor statements: across all donors they account for every dollar each fund spent; one donor's is complete, valid and private to its data.</summary>
[Collection(DemoCollection.Name)]
public sealed class DonorStatementTests(DemoFixture demo)
{
    [Fact]
    public async Task Across_all_donors_statements_apply_exactly_what_each_fund_disbursed_and_charged()
    {
        var donors = (await demo.System.Entities.ListingsAsync(new ListingQuery(EntityKind.Donor, int.MaxValue))).Select(l => Guid.Parse(l.Stream.Key)).ToList();
        var applied = new Dictionary<string, decimal>();
        foreach (var donor in donors)
        {
            foreach (var fund in (await new DonorStatementBuilder(demo.System).BuildAsync(donor, ReportPeriod.Year(2025))).Funds)
            {
                applied[fund.Fund] = applied.GetValueOrDefault(fund.Fund) + fund.Applied;
            }
        }

        foreach (var fund in new[] { "VFTC", "UPR-VFTA", "UPR-VFP" })
        {
            var before = await demo.System.Ledger.TrialBalanceAsync(FundCode.Parse(fund), new DateOnly(2024, 12, 31));
            var after = await demo.System.Ledger.TrialBalanceAsync(FundCode.Parse(fund), new DateOnly(2025, 12, 31));
            var spent = after.BalanceOf(Account.GrantExpense) + after.BalanceOf(Account.PscExpense) - before.BalanceOf(Account.GrantExpense) - before.BalanceOf(Account.PscExpense);
            Assert.Equal(spent, applied.GetValueOrDefault(fund));
        }

        Assert.True(donors.Count >= 30);
    }

    [Fact]
    public async Task A_statement_lists_the_donors_receipts_and_adds_up_in_its_workbook_and_page()
    {
        var norway = Api.Demo.DemoIds.For("donor", "norway");
        var statement = await new DonorStatementBuilder(demo.System).BuildAsync(norway, ReportPeriod.Cumulative(new DateOnly(2027, 12, 31)));
        var cash = 0m;
        foreach (var fund in new[] { "VFTC", "UPR-VFTA", "UPR-VFP" })
        {
            var pledges = (await demo.System.Entities.ListingsAsync(new ListingQuery(EntityKind.Pledge, int.MaxValue) { Donor = norway, Fund = FundCode.Parse(fund) })).Select(l => l.Stream.ToString()).ToHashSet();
            cash += (await demo.System.Ledger.StreamActivityAsync(FundCode.Parse(fund), DateOnly.MinValue, new DateOnly(2027, 12, 31)))
                .Where(a => a.Account == Account.Cash && pledges.Contains(a.SourceStream)).Sum(a => a.DebitToDate);
        }

        using var stream = new MemoryStream();
        DonorStatementWorkbook.Write(statement, stream);
        using var book = new XlsxReader(new MemoryStream(stream.ToArray()));
        var page = DonorStatementPage.Render(TemplateLibrary.Default(), statement);

        Assert.Equal(cash, statement.ReceivedUsd);
        Assert.Equal(statement.Receipts.Sum(r => r.Usd), statement.ReceivedUsd);
        Assert.Equal(statement.Funds.Sum(f => f.Applied), statement.AppliedUsd);
        Assert.Equal(statement.AppliedUsd, statement.Grants.Sum(g => g.Disbursements + g.ProgrammeSupportCosts));
        Assert.All(statement.Funds, f => Assert.Equal(f.Applied, f.Earmarked + f.Unearmarked));
        Assert.Equal(DonorStatementWorkbook.SheetNames, book.SheetNames);
        Assert.Empty(book.ValidationErrors());
        Assert.Equal(statement.ReceivedUsd, XlsxReader.Number(book.RowLabelled("Receipts", "Total")["G"]));
        Assert.Contains(UnStyle.Usd(statement.AppliedUsd), page, StringComparison.Ordinal);
        Assert.Equal(statement.Receipts.Count, System.Text.RegularExpressions.Regex.Matches(page, "<tr><td>[0-9]+ [A-Z][a-z]+ 20[0-9]{2}</td>").Count);
    }

    [Fact]
    public async Task Report_donor_writes_the_workbook_and_page_and_refuses_an_unknown_donor()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fm-donor-" + Guid.NewGuid().ToString("N"));
        try
        {
            var ok = await ProgramRunner.FundManagerAsync("report", "donor", "--donor", Api.Demo.DemoIds.For("donor", "germany").ToString(), "--year", "2025", "--out", directory, "--database", demo.ConnectionString);
            var unknown = await ProgramRunner.FundManagerAsync("report", "donor", "--donor", Guid.NewGuid().ToString(), "--cumulative", "--out", directory, "--database", demo.ConnectionString);
            var both = await ProgramRunner.FundManagerAsync("report", "donor", "--donor", Guid.NewGuid().ToString(), "--cumulative", "--year", "2025", "--out", directory, "--database", demo.ConnectionString);

            Assert.Equal(0, ok.ExitCode);
            Assert.Equal(["utilisation-germany-2025.html", "utilisation-germany-2025.xlsx"], Directory.EnumerateFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal((2, 2), (unknown.ExitCode, both.ExitCode));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
