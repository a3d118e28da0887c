using FundManager.Api.Cluster;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Cluster;

/// <summary>
/// Two silo processes and this test as their client. In the middle of a stream of receipts and tranche payments one
/// silo is killed (no shutdown). Every command is sent until it has an answer, always with the same command id.
/// Afterwards every command has exactly one result, no posting is lost or doubled, the ledger verifies, and every grain,
/// the dead silo's among them, answers from the survivor.
/// </summary>
public sealed class SiloKillTests
{
    private const int Pledges = 6;
    private const int Grants = 4;
    private const int Rounds = 6;
    private static readonly DateOnly Day = new(2025, 6, 1);

    [Fact]
    public async Task A_silo_killed_in_the_middle_of_a_stream_loses_nothing_and_doubles_nothing()
    {
        var database = await TestServer.CreateDatabaseAsync();
        await using var doomed = await SiloProcess.StartAsync(database);
        await using var survivor = await SiloProcess.StartAsync(database);
        await using var client = await FundHost.OpenAsync(database);
        var system = client.System;
        var (fund, pledges, grants) = await SetUpAsync(system);
        Assert.False(client.HostsSilo);

        // Each worker sends its own commands in order; the doomed silo dies while they run.
        var sent = new List<(CommandContext Context, string Kind)>();
        var workers = pledges.Select((pledge, w) => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var context = Fixed($"receipt {w} {round}");
                lock (sent)
                {
                    sent.Add((context, "receipt"));
                }

                await UntilAnsweredAsync(() => system.Pledges.HandleAsync(
                    new RecordReceipt(pledge, $"KILL-{w}-{round}", ReceiptChannel.BankTransfer, Day, 100m, "USD"), context));
                if (w < grants.Count)
                {
                    var number = round + 1;
                    await UntilAnsweredAsync(() => system.Grants.HandleAsync(new PrepareTranche(grants[w], number, Day), Fixed($"prepare {w} {round}")));
                    var approve = Fixed($"approve {w} {round}");
                    lock (sent)
                    {
                        sent.Add((approve, "tranche"));
                    }

                    await UntilAnsweredAsync(() => system.Grants.HandleAsync(new ApproveTranche(grants[w], number, Day), approve));
                    await UntilAnsweredAsync(() => system.Grants.HandleAsync(
                        new SubmitProgressReport(grants[w], Day, Day, number, "Report.", [], Day), Fixed($"report {w} {round}")));
                    await UntilAnsweredAsync(() => system.Grants.HandleAsync(new AcceptProgressReport(grants[w], number, Day), Fixed($"accept {w} {round}")));
                }
            }
        })).ToList();

        while (sent.Count < Pledges * 2)
        {
            await Task.Delay(20);
        }

        doomed.Kill();
        await Task.WhenAll(workers);

        // Every command once: its result, and the postings it made, exactly once.
        var expectedPostings = sent.Count;
        Assert.Equal(Pledges * Rounds + Grants * Rounds, expectedPostings);
        Assert.Equal((long)expectedPostings, await ScalarAsync(database, "select count(*) from commands where command_id = any($1)", sent.Select(s => s.Context.Id.Value).ToArray()));
        Assert.Equal((long)expectedPostings, await ScalarAsync(database, "select count(*) from journal_entries where command_id = any($1)", sent.Select(s => s.Context.Id.Value).ToArray()));
        foreach (var pledge in pledges)
        {
            Assert.Equal(Rounds * 100m, (await system.Entities.LoadAsync<Pledge, PledgeEvent>(StreamId.For(new PledgeId(pledge)))).Paid.Amount);
        }

        foreach (var grant in grants)
        {
            Assert.Equal(Rounds, (await system.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new GrantId(grant)))).Tranches.Count(t => t.State == TrancheState.Paid));
        }

        Assert.True((await system.Ledger.VerifyAsync(fund)).Intact);

        // The dead silo's grains (whichever they were) answer from the survivor.
        foreach (var pledge in pledges)
        {
            await system.Pledges.HandleAsync(new RecordReceipt(pledge, "AFTER-" + pledge, ReceiptChannel.BankTransfer, Day, 1m, "USD"), CommandContext.By(Scenario.Officer));
        }

        foreach (var grant in grants)
        {
            await system.Grants.HandleAsync(new PrepareTranche(grant, Rounds + 1, Day), CommandContext.By(Scenario.Officer));
        }

        Assert.Equal(1L, await SiloProcess.ActiveAsync(database));
    }

    private static async Task<(FundCode Fund, List<Guid> Pledges, List<Guid> Grants)> SetUpAsync(FundSystem system)
    {
        var s = new Scenario(system);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 10_000_000m);
        var donor = await s.DonorAsync("Kill test foundation", DonorType.Foundation, null);
        var pledges = new List<Guid>();
        for (var i = 0; i < Pledges; i++)
        {
            pledges.Add(await s.SignedPledgeAsync(fund, "USD", [(new DateOnly(2025, 12, 31), 1_000_000m)], donor: donor));
        }

        var grants = new List<Guid>();
        for (var i = 0; i < Grants; i++)
        {
            var id = Guid.NewGuid();
            var plan = Scenario.Plan([Rounds * 1_000m + 1_000m], []) with
            {
                Tranches = Enumerable.Range(0, Rounds + 1).Select(t => new PlannedTranche(new DateOnly(2025, 1, 1).AddDays(t), 1_000m)).ToList(),
            };
            await system.Grants.HandleAsync(new DraftGrant(fund.Value, plan, id), Scenario.As(Scenario.Officer));
            await system.Grants.HandleAsync(new RecordConsent(id, "NV", new DateOnly(2024, 12, 1)), Scenario.As(Scenario.Officer));
            await system.Grants.HandleAsync(new SubmitGrant(id, new DateOnly(2024, 12, 2)), Scenario.As(Scenario.Officer));
            await system.Grants.HandleAsync(new ReviewGrant(id, new DateOnly(2024, 12, 3)), Scenario.As(Scenario.Officer));
            await system.Grants.HandleAsync(new RecommendGrant(id, "BoT", new DateOnly(2024, 12, 4)), Scenario.As(Scenario.Officer));
            await system.Grants.HandleAsync(new ApproveGrant(id, new DateOnly(2024, 12, 5)), CommandContext.By(Scenario.Approver));
            grants.Add(id);
        }

        return (fund, pledges, grants);
    }

    // The same command, with the same id, whoever sends it and however often.
    private static CommandContext Fixed(string what) =>
        new(new CommandId(new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(what))[..16])),
            new UserId(what.StartsWith("approve", StringComparison.Ordinal) || what.StartsWith("accept", StringComparison.Ordinal) ? Scenario.Approver : Scenario.Officer));

    // A caller that loses its answer (its silo died) sends the command again with the same id, until it has one.
    private static async Task UntilAnsweredAsync(Func<Task<CommandResult>> send)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                await send();
                return;
            }
            catch (Exception e) when (e is not RuleViolation && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<long> ScalarAsync(string database, string sql, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.Add(new() { Value = ids });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
