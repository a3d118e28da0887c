using FundManager.Entities;
using FundManager.Grants;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Cli;

/// <summary><c>fundmanager demo</c> loads the promised data set, and loading it again posts nothing twice.</summary>
public sealed class DemoVerbTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_demo_has_every_kind_of_donor_pledge_and_grant_and_a_verified_ledger()
    {
        var first = await ProgramRunner.FundManagerAsync("demo", "--database", db.ConnectionString);
        Assert.Equal(0, first.ExitCode);
        var linesAfterFirst = await JournalLinesAsync();

        var donors = await db.System.Entities.AllAsync<Donors.Donor, Donors.DonorEvent>(EntityKind.Donor);
        Assert.True(donors.Count >= 25);
        Assert.Equal(Enum.GetValues<Donors.DonorType>().Length, donors.Select(d => d.Type).Distinct().Count());

        var pledges = await db.System.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge);
        var signed = pledges.Where(p => p.IsSigned).ToList();
        Assert.True(signed.Select(p => p.Currency).Distinct().Count() >= 6);
        Assert.Contains(signed, p => p.Currency.MinorUnits == 0);
        Assert.Contains(signed, p => p.Instalments.Count >= 3 && p.Instalments.Min(i => i.DueOn.Year) >= 2021 && p.Instalments.Max(i => i.DueOn.Year) <= 2027);
        Assert.Contains(pledges, p => p.Status == PledgeStatus.Announced);
        Assert.Contains(pledges, p => p.Status == PledgeStatus.Cancelled);
        Assert.Contains(pledges, p => p.Status == PledgeStatus.WrittenOff);
        Assert.Contains(pledges, p => p.Status == PledgeStatus.PartiallyPaid);

        var grants = await db.System.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant);
        Assert.True(grants.Count >= 40);
        Assert.Equal(Enum.GetValues<GrantStatus>().Length, grants.Select(g => g.Status).Distinct().Count());
        Assert.Equal(5, grants.Select(g => g.Details.Region).Distinct().Count());
        Assert.Contains(grants, g => g.Tranches.Any(t => t.State == TrancheState.Prepared));
        Assert.Contains(grants, g => g.ProgressReports.Any(r => r.Status == ProgressReportStatus.Returned));
        Assert.Contains(grants, g => g.RecommendationProgress.Count > 0);
        var funds = await db.System.Ledger.FundsAsync();
        Assert.Equal(["UPR-VFP", "UPR-VFTA", "VFTC"], funds.Select(f => f.Value).ToArray());
        foreach (var fund in funds)
        {
            var balance = await db.System.Ledger.TrialBalanceAsync(fund);
            Assert.True(balance.Balances);
            Assert.NotEqual(0m, balance.BalanceOf(global::FundManager.Ledger.Account.ExchangeGainsAndLosses));
        }

        var again = await ProgramRunner.FundManagerAsync("demo", "--database", db.ConnectionString);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(linesAfterFirst, await JournalLinesAsync());
        Assert.True((await db.System.Ledger.VerifyAsync()).Intact);
    }

    private async Task<long> JournalLinesAsync()
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from journal_lines", connection);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
