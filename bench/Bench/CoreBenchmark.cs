using System.Diagnostics;
using System.Globalization;
using FundManager.Api.Cluster;
using FundManager.Common;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using Npgsql;

namespace FundManager.Bench;

/// <summary>
/// Receipts and tranche approvals per second with 1, 8 and 32 concurrent writers on one fund, against
/// pgbench (TPC-B-like) on the same server with the same number of clients, each for the same duration.
/// Every posting goes through the full command path: the command to its entity's grain, the rules, the events, the
/// fund's grain with its check, hash chain and group commit, running balances. Five seconds of warm-up are not measured.
/// </summary>
public static class CoreBenchmark
{
    private const int Seconds = 15;
    private const int WarmUpSeconds = 5;
    private static readonly int[] WriterCounts = [1, 8, 32];

    public static async Task<int> RunAsync()
    {
        var results = new List<(int Writers, decimal Postings, decimal Tps, int Receipts, int Tranches)>();
        var pgbenchDb = "bench_pgbench";
        await BenchServer.FreshDatabaseAsync(pgbenchDb);
        await BenchServer.PgBenchInitAsync(pgbenchDb);
        foreach (var writers in WriterCounts)
        {
            var connection = await BenchServer.FreshDatabaseAsync("bench_core");
            await using var host = await FundHost.OpenAsync(connection);
            var system = host.System;
            var fund = await SetUpAsync(system);
            var workers = new List<Writer>();
            for (var w = 0; w < writers; w++)
            {
                workers.Add(await Writer.CreateAsync(system, fund, w));
            }

            // A few seconds first, unmeasured, so that the figures are of code already compiled and grains already active.
            using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(WarmUpSeconds)))
            {
                await Task.WhenAll(workers.Select(w => w.RunAsync(warmUp.Token)));
            }

            workers.ForEach(w => w.ResetCounts());
            var before = await HeadAsync(system, fund);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(Seconds));
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(workers.Select(w => w.RunAsync(stop.Token)));
            var elapsed = (decimal)watch.Elapsed.TotalSeconds;
            var postings = (await HeadAsync(system, fund) - before) / elapsed;
            var verified = await system.Ledger.VerifyAsync(fund);
            if (!verified.Intact)
            {
                throw new InvalidOperationException("The ledger does not verify after the run: " + verified);
            }

            var tps = await BenchServer.PgBenchAsync(pgbenchDb, writers, Seconds);
            results.Add((writers, postings, tps, workers.Sum(w => w.Receipts), workers.Sum(w => w.Tranches)));
            Console.Error.WriteLine($"  writers={writers}: {workers.Sum(w => w.Receipts)} receipts, {workers.Sum(w => w.Tranches)} tranche approvals in {elapsed:F1} s; ledger intact");
        }

        foreach (var (writers, postings, tps, _, _) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writers={writers} postings_per_s={postings:F1} pgbench_tps={tps:F1} ratio={postings / tps:F2}"));
        }

        return 0;
    }

    private static async Task<FundCode> SetUpAsync(FundSystem system)
    {
        var code = FundCode.Parse("BENCH");
        await system.Funds.HandleAsync(new CreateFund(code.Value, "Benchmark fund", RequiresUprRecommendations: false), CommandContext.By("admin@bench"));
        var donor = Guid.NewGuid();
        await system.Donors.HandleAsync(new RegisterDonor("Benchmark donor", DonorType.Foundation, Id: donor), CommandContext.By("officer@bench"));
        await system.Pledges.HandleAsync(
            new RecordUnpledgedReceipt(donor, code.Value, "SEED", ReceiptChannel.BankTransfer, new DateOnly(2025, 1, 2), 900_000_000_000m, "USD"),
            CommandContext.By("officer@bench"));
        return code;
    }

    private static async Task<long> HeadAsync(FundSystem system, FundCode fund)
    {
        await using var connection = await system.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("select last_seq from ledger_heads where fund_code = $1", connection);
        cmd.Parameters.Add(new() { Value = fund.Value });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>One writer: receipts on its own pledges (rotating, so histories stay short), and tranches of its own grants.</summary>
    private sealed class Writer
    {
        private const int PledgesPerWriter = 50;
        private static CommandContext Officer => CommandContext.By("officer@bench");
        private readonly FundSystem _system;
        private readonly FundCode _fund;
        private readonly Guid _donor;
        private readonly List<Guid> _pledges = [];
        private Guid _grant;
        private int _nextTranche = 25;
        private int _turn;

        private Writer(FundSystem system, FundCode fund, Guid donor)
        {
            _system = system;
            _fund = fund;
            _donor = donor;
        }

        public int Receipts { get; private set; }

        public int Tranches { get; private set; }

        public void ResetCounts() => (Receipts, Tranches) = (0, 0);

        public static async Task<Writer> CreateAsync(FundSystem system, FundCode fund, int number)
        {
            var donor = Guid.NewGuid();
            await system.Donors.HandleAsync(new RegisterDonor($"Donor {number}", DonorType.Foundation, Id: donor), Officer);
            var writer = new Writer(system, fund, donor);
            for (var i = 0; i < PledgesPerWriter; i++)
            {
                var id = Guid.NewGuid();
                await system.Pledges.HandleAsync(new AnnouncePledge(donor, fund.Value, "USD", 1_000_000_000m, [new PlannedInstalment(new DateOnly(2025, 12, 31), 1_000_000_000m)], new DateOnly(2025, 1, 1), Id: id), Officer);
                await system.Pledges.HandleAsync(new SignPledge(id, new DateOnly(2025, 1, 2)), Officer);
                writer._pledges.Add(id);
            }

            return writer;
        }

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                _turn++;
                var pledge = _pledges[_turn % _pledges.Count];
                await _system.Pledges.HandleAsync(
                    new RecordReceipt(pledge, "R-" + Guid.NewGuid().ToString("N"), ReceiptChannel.BankTransfer, new DateOnly(2025, 6, 1), 1_000m, "USD"), Officer);
                Receipts++;
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                await TrancheAsync();
            }
        }

        private async Task TrancheAsync()
        {
            if (_nextTranche > 24)
            {
                await NewGrantAsync();
            }

            var on = new DateOnly(2025, 6, 1);
            await _system.Grants.HandleAsync(new PrepareTranche(_grant, _nextTranche, on), Officer);
            await _system.Grants.HandleAsync(new ApproveTranche(_grant, _nextTranche, on), CommandContext.By("approver@bench"));
            Tranches++;
            if (_nextTranche < 24)
            {
                await _system.Grants.HandleAsync(new SubmitProgressReport(_grant, on, on, _nextTranche, "Report.", [], on), Officer);
                await _system.Grants.HandleAsync(new AcceptProgressReport(_grant, _nextTranche, on), CommandContext.By("approver@bench"));
            }

            _nextTranche++;
        }

        private async Task NewGrantAsync()
        {
            _grant = Guid.NewGuid();
            var plan = new GrantPlan(
                "Benchmark partner", ImplementingEntityType.NationalMechanism, "PRY", Reference.OhchrRegion.Americas, "Benchmark grant", "Benchmark.",
                new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), CooperationModality.SouthSouth, [], ["16.6"],
                [new PlannedBudgetLine(2025, 24_000m)],
                Enumerable.Range(0, 24).Select(i => new PlannedTranche(new DateOnly(2025, 1, 1).AddDays(i), 1_000m)).ToList());
            await _system.Grants.HandleAsync(new DraftGrant(_fund.Value, plan, _grant), Officer);
            await _system.Grants.HandleAsync(new RecordConsent(_grant, "NV", new DateOnly(2024, 12, 1)), Officer);
            await _system.Grants.HandleAsync(new SubmitGrant(_grant, new DateOnly(2024, 12, 2)), Officer);
            await _system.Grants.HandleAsync(new ReviewGrant(_grant, new DateOnly(2024, 12, 3)), Officer);
            await _system.Grants.HandleAsync(new RecommendGrant(_grant, "BoT", new DateOnly(2024, 12, 4)), Officer);
            await _system.Grants.HandleAsync(new ApproveGrant(_grant, new DateOnly(2024, 12, 5)), CommandContext.By("approver@bench"));
            _nextTranche = 1;
        }
    }
}
