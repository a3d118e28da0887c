using FundManager.Api.Cluster;
using FundManager.Api.Demo;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Demo;

/// <summary>
/// The scale demo, at a small size: every command passes the rules, the ledger verifies, the shape is what was asked
/// for, and two loads into two databases give the same chain head (the data set is deterministic to the last hash), also
/// when the second is interrupted half-way and run again.
/// </summary>
public sealed class ScaleDemoTests
{
    private static readonly ScaleDemoShape Small = new(2020, 2, 6, 6, 4, 12);

    [Fact]
    public async Task A_small_scale_demo_is_valid_complete_and_the_same_on_every_load_even_one_interrupted_and_resumed()
    {
        var first = await LoadAsync(interruptAt: null);
        var second = await LoadAsync(interruptAt: 0.5);

        Assert.Equal(first.Head, second.Head);
        Assert.Equal(first.Lines, second.Lines);
        Assert.True(first.Intact);
        Assert.Equal((Small.Years * Small.Donors, Small.Years * Small.GrantsPerYear), (first.Pledges, first.Grants));
        Assert.Equal(Small.Years * Small.Donors * Small.InstalmentsPerAgreement, first.Receipts);
        Assert.True(first.PaidTranches > Small.GrantsPerYear * 2);
    }

    private static async Task<(string Head, long Lines, bool Intact, int Pledges, int Grants, long Receipts, int PaidTranches)> LoadAsync(double? interruptAt)
    {
        var connection = await TestServer.CreateDatabaseAsync();
        var clock = new ScaleDemoClock();
        await using var host = await FundHost.OpenAsync(connection, clock);
        var system = host.System;
        if (interruptAt is { } fraction)
        {
            // Stopped half-way, then run again: it resumes where it stopped, and sends nothing twice.
            using var stop = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new ScaleDemoDataSet(system, clock, Small, (_, done) => { if (done >= fraction) stop.Cancel(); }).LoadAsync(stop.Token));
        }

        Assert.True(await new ScaleDemoDataSet(system, clock, Small, (_, _) => { }).LoadAsync());
        Assert.False(await new ScaleDemoDataSet(system, clock, Small, (_, _) => { }).LoadAsync());

        var fund = FundCode.Parse(ScaleDemoDataSet.Fund);
        var grants = await system.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant, fund);
        var pledges = await system.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge, fund);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select encode(last_hash, 'hex'), (select count(*) from journal_lines where fund_code = $1), (select count(*) from events where type = 'ReceiptRecorded') from ledger_heads where fund_code = $1", db);
        cmd.Parameters.Add(new() { Value = fund.Value });
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1), (await system.Ledger.VerifyAsync(fund)).Intact, pledges.Count, grants.Count, reader.GetInt64(2),
            grants.Sum(g => g.Tranches.Count(t => t.State == TrancheState.Paid)));
    }
}
