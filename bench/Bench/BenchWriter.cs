using System.Collections.Concurrent;
using FundManager.Common;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;

namespace FundManager.Bench;

/// <summary>
/// One writer of the benchmarks: receipts on its own pledges (rotating, so histories stay short) alternating with the
/// payment of a tranche of its own grant (prepare, approve, then the progress report the next tranche needs, submitted
/// and accepted). A command whose answer is lost (a silo died under it) is sent again with the same command id until it
/// has one; the ids of the commands that post are kept, to count afterwards what was lost or doubled.
/// </summary>
internal sealed class BenchWriter
{
    private const int PledgesPerWriter = 50;
    private static readonly DateOnly Day = new(2025, 6, 1);
    private readonly FundSystem _system;
    private readonly FundCode _fund;
    private readonly List<Guid> _pledges = [];
    private Guid _grant;
    private int _nextTranche = 25;
    private int _turn;

    private BenchWriter(FundSystem system, FundCode fund)
    {
        _system = system;
        _fund = fund;
    }

    public int Receipts { get; private set; }

    public int Tranches { get; private set; }

    /// <summary>The command ids of every receipt and tranche approval this writer had answered.</summary>
    public ConcurrentBag<Guid> Postings { get; } = [];

    public void ResetCounts() => (Receipts, Tranches) = (0, 0);

    /// <summary>The benchmark fund, with cash enough for every tranche any run pays.</summary>
    public static async Task<FundCode> SetUpFundAsync(FundSystem system, string code = "BENCH")
    {
        var fund = FundCode.Parse(code);
        await system.Funds.HandleAsync(new CreateFund(fund.Value, "Benchmark fund", RequiresUprRecommendations: false), CommandContext.By("admin@bench"));
        var donor = Guid.NewGuid();
        await system.Donors.HandleAsync(new RegisterDonor("Benchmark donor", DonorType.Foundation, Id: donor), CommandContext.By("officer@bench"));
        await system.Pledges.HandleAsync(
            new RecordUnpledgedReceipt(donor, fund.Value, "SEED", ReceiptChannel.BankTransfer, new DateOnly(2025, 1, 2), 900_000_000_000m, "USD"),
            CommandContext.By("officer@bench"));
        return fund;
    }

    public static async Task<BenchWriter> CreateAsync(FundSystem system, FundCode fund, int number)
    {
        var donor = Guid.NewGuid();
        await system.Donors.HandleAsync(new RegisterDonor($"Donor {number}", DonorType.Foundation, Id: donor), Officer);
        var writer = new BenchWriter(system, fund);
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
            var receipt = Officer;
            await UntilAnsweredAsync(() => _system.Pledges.HandleAsync(
                new RecordReceipt(pledge, "R-" + receipt.Id, ReceiptChannel.BankTransfer, Day, 1_000m, "USD"), receipt));
            Postings.Add(receipt.Id.Value);
            Receipts++;
            if (stop.IsCancellationRequested)
            {
                break;
            }

            await TrancheAsync();
        }
    }

    private static CommandContext Officer => CommandContext.By("officer@bench");

    private static CommandContext Approver => CommandContext.By("approver@bench");

    // A command sent again after a lost answer carries the same id, so it is carried out once.
    private static async Task UntilAnsweredAsync(Func<Task<CommandResult>> send)
    {
        while (true)
        {
            try
            {
                await send();
                return;
            }
            catch (Exception e) when (e is not RuleViolation)
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task TrancheAsync()
    {
        if (_nextTranche > 24)
        {
            await NewGrantAsync();
        }

        var (prepare, approve) = (Officer, Approver);
        await UntilAnsweredAsync(() => _system.Grants.HandleAsync(new PrepareTranche(_grant, _nextTranche, Day), prepare));
        await UntilAnsweredAsync(() => _system.Grants.HandleAsync(new ApproveTranche(_grant, _nextTranche, Day), approve));
        Postings.Add(approve.Id.Value);
        Tranches++;
        if (_nextTranche < 24)
        {
            var (report, accept) = (Officer, Approver);
            await UntilAnsweredAsync(() => _system.Grants.HandleAsync(new SubmitProgressReport(_grant, Day, Day, _nextTranche, "Report.", [], Day), report));
            await UntilAnsweredAsync(() => _system.Grants.HandleAsync(new AcceptProgressReport(_grant, _nextTranche, Day), accept));
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
        foreach (var (send, context) in new (Func<CommandContext, Task<CommandResult>>, CommandContext)[]
        {
            (c => _system.Grants.HandleAsync(new DraftGrant(_fund.Value, plan, _grant), c), Officer),
            (c => _system.Grants.HandleAsync(new RecordConsent(_grant, "NV", new DateOnly(2024, 12, 1)), c), Officer),
            (c => _system.Grants.HandleAsync(new SubmitGrant(_grant, new DateOnly(2024, 12, 2)), c), Officer),
            (c => _system.Grants.HandleAsync(new ReviewGrant(_grant, new DateOnly(2024, 12, 3)), c), Officer),
            (c => _system.Grants.HandleAsync(new RecommendGrant(_grant, "BoT", new DateOnly(2024, 12, 4)), c), Officer),
            (c => _system.Grants.HandleAsync(new ApproveGrant(_grant, new DateOnly(2024, 12, 5)), c), Approver),
        })
        {
            await UntilAnsweredAsync(() => send(context));
        }

        _nextTranche = 1;
    }
}
