using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using static FundManager.Ledger.Account;
using Op = FundManager.Tests.Ledger.LedgerOperation;

namespace FundManager.Tests.Ledger;

/// <summary>Carries out one random sequence on a fund of its own and checks the ledger's invariants.</summary>
public sealed class LedgerPropertyRun(FundSystem system)
{
    private static readonly string[] Currencies = ["USD", "EUR", "JPY", "KWD", "NOK"];
    private readonly List<Guid> _pledges = [];
    private readonly List<Guid> _grants = [];
    private FundCode _fund;
    private Guid _donor;

    public int CommandsSent { get; private set; }

    public int Refused { get; private set; }

    public async Task ExecuteAsync(IReadOnlyList<Op> operations)
    {
        var scenario = new Scenario(system);
        _fund = await scenario.FundAsync();
        _donor = await scenario.DonorAsync();
        foreach (var operation in operations)
        {
            await ApplyAsync(operation);
            var cash = await CashAsync();
            Assert.True(cash >= 0m, $"cash went negative ({cash}) after {operation}");
        }

        await CheckInvariantsAsync();
    }

    private async Task ApplyAsync(Op operation)
    {
        try
        {
            await (operation switch
            {
                Op.NewPledge o => NewPledgeAsync(o),
                Op.SignPledge o => OnPledge(o.Pledge, id => Send(system.Pledges.HandleAsync(new SignPledge(id, new DateOnly(2024, 2, 1)), Officer))),
                Op.Receive o => ReceiveAsync(o),
                Op.Amend o => AmendAsync(o),
                Op.CancelPledge o => OnPledge(o.Pledge, id => Send(system.Pledges.HandleAsync(new CancelPledge(id, new DateOnly(2025, 6, 1), "Donor withdrew"), Officer))),
                Op.WriteOff o => OnPledge(o.Pledge, id => Send(system.Pledges.HandleAsync(new WriteOffPledge(id, new DateOnly(2025, 6, 1), "Uncollectible"), Officer))),
                Op.Unpledged o => Send(system.Pledges.HandleAsync(
                    new RecordUnpledgedReceipt(_donor, _fund.Value, "U-" + Guid.NewGuid().ToString("N"), ReceiptChannel.CardOnline, new DateOnly(2024, 8, 1), Amount(o.Currency, o.MinorUnits), Currencies[o.Currency]), Officer)),
                Op.NewGrant o => NewGrantAsync(o),
                Op.ApproveGrant o => OnGrant(o.Grant, id => Send(system.Grants.HandleAsync(new global::FundManager.Grants.ApproveGrant(id, new DateOnly(2024, 11, 1)), Approver))),
                Op.Prepare o => PrepareAsync(o),
                Op.ApproveTranche o => OnGrant(o.Grant, async id => await Send(system.Grants.HandleAsync(new global::FundManager.Grants.ApproveTranche(id, await NextTrancheAsync(id), new DateOnly(2025, 4, 1)), o.ByPreparer ? Officer : Approver))),
                Op.RejectTranche o => OnGrant(o.Grant, async id => await Send(system.Grants.HandleAsync(new global::FundManager.Grants.RejectTranche(id, await NextTrancheAsync(id), new DateOnly(2025, 4, 1), "Not yet"), Approver))),
                Op.Report o => ReportAsync(o),
                Op.ReviseBudget o => ReviseAsync(o),
                Op.Complete o => OnGrant(o.Grant, id => Send(system.Grants.HandleAsync(new CompleteGrant(id, new DateOnly(2026, 12, 31)), Officer))),
                Op.Close o => OnGrant(o.Grant, id => Send(system.Grants.HandleAsync(new CloseGrant(id, new DateOnly(2027, 1, 31)), Approver))),
                Op.CancelGrant o => OnGrant(o.Grant, id => Send(system.Grants.HandleAsync(new global::FundManager.Grants.CancelGrant(id, new DateOnly(2025, 9, 1), "Suspended"), Approver))),
                _ => throw new InvalidOperationException(operation.ToString()),
            });
        }
        catch (RuleViolation)
        {
            Refused++;
        }
    }

    private static CommandContext Officer => Scenario.As(Scenario.Officer);

    private static CommandContext Approver => Scenario.As(Scenario.Approver);

    private async Task Send(Task<CommandResult> command)
    {
        CommandsSent++;
        await command;
    }

    private static decimal Amount(int currency, long minorUnits) =>
        minorUnits / (decimal)Math.Pow(10, CurrencyCode.Parse(Currencies[currency]).MinorUnits);

    private Task OnPledge(int index, Func<Guid, Task> action) => _pledges.Count == 0 ? Task.CompletedTask : action(_pledges[index % _pledges.Count]);

    private Task OnGrant(int index, Func<Guid, Task> action) => _grants.Count == 0 ? Task.CompletedTask : action(_grants[index % _grants.Count]);

    private async Task NewPledgeAsync(Op.NewPledge o)
    {
        var currency = CurrencyCode.Parse(Currencies[o.Currency]);
        var unit = (decimal)Math.Pow(10, -currency.MinorUnits);
        var total = o.MinorUnits * unit;
        var part = Math.Floor(o.MinorUnits / (decimal)o.Instalments) * unit;
        if (part == 0m)
        {
            part = total;
        }

        var count = part == total ? 1 : o.Instalments;
        var instalments = Enumerable.Range(0, count)
            .Select(i => new PlannedInstalment(new DateOnly(2024 + i, 3, 31), i == count - 1 ? total - part * (count - 1) : part))
            .ToList();
        var id = Guid.NewGuid();
        await Send(system.Pledges.HandleAsync(new AnnouncePledge(_donor, _fund.Value, currency.Code, total, instalments, new DateOnly(2024, 1, 15), Id: id), Officer));
        _pledges.Add(id);
        if (o.Sign)
        {
            await Send(system.Pledges.HandleAsync(new SignPledge(id, new DateOnly(2024, 2, 1)), Officer));
        }
    }

    private Task ReceiveAsync(Op.Receive o) => OnPledge(o.Pledge, async id =>
    {
        var pledge = await system.Entities.LoadAsync<Pledge, PledgeEvent>(StreamId.For(new PledgeId(id)));
        var amount = Money.Round(pledge.Outstanding.Amount * o.PercentOfOutstanding / 100m, pledge.Currency);
        if (amount <= 0m)
        {
            amount = Money.Round(1m, pledge.Currency);
        }

        var on = new DateOnly(2024, 1, 20).AddDays(15 * o.Fortnight);
        await Send(system.Pledges.HandleAsync(new RecordReceipt(id, "R-" + Guid.NewGuid().ToString("N"), ReceiptChannel.BankTransfer, on, amount, pledge.Currency.Code), Officer));
    });

    private Task AmendAsync(Op.Amend o) => OnPledge(o.Pledge, async id =>
    {
        var pledge = await system.Entities.LoadAsync<Pledge, PledgeEvent>(StreamId.For(new PledgeId(id)));
        var schedule = pledge.Instalments
            .Select(i => new PlannedInstalment(i.DueOn, Money.Round(i.Amount.Amount * (100 + o.PercentChange) / 100m, pledge.Currency), i.Number))
            .Where(i => i.Amount > 0m)
            .ToList();
        await Send(system.Pledges.HandleAsync(new AmendPledge(id, schedule, "Donor revised its contribution", new DateOnly(2024, 9, 1)), Officer));
    });

    private async Task NewGrantAsync(Op.NewGrant o)
    {
        var id = Guid.NewGuid();
        var perYear = Enumerable.Repeat((decimal)o.PerYear, o.Years).ToArray();
        await Send(system.Grants.HandleAsync(new DraftGrant(_fund.Value, Scenario.Plan(perYear, []), id), Officer));
        _grants.Add(id);
        await Send(system.Grants.HandleAsync(new RecordConsent(id, "NV-1", new DateOnly(2024, 10, 1)), Officer));
        await Send(system.Grants.HandleAsync(new SubmitGrant(id, new DateOnly(2024, 10, 2)), Officer));
        await Send(system.Grants.HandleAsync(new ReviewGrant(id, new DateOnly(2024, 10, 3)), Officer));
        await Send(system.Grants.HandleAsync(new RecommendGrant(id, "BoT-2024-2", new DateOnly(2024, 10, 10)), Officer));
    }

    private Task PrepareAsync(Op.Prepare o) => OnGrant(o.Grant, async id =>
    {
        var grant = await LoadGrantAsync(id);
        var next = grant.Tranches.FirstOrDefault(t => t.State != TrancheState.Paid);
        if (next is null)
        {
            return;
        }

        decimal? amount = o.PercentOfPlanned is { } p ? decimal.Round(next.PlannedAmount.Amount * p / 100m, 2) : null;
        await Send(system.Grants.HandleAsync(new PrepareTranche(id, next.Number, new DateOnly(2025, 3, 1), amount), Officer));
    });

    private async Task<int> NextTrancheAsync(Guid id) =>
        (await LoadGrantAsync(id)).Tranches.FirstOrDefault(t => t.State != TrancheState.Paid)?.Number ?? 1;

    private Task ReportAsync(Op.Report o) => OnGrant(o.Grant, async id =>
    {
        var grant = await LoadGrantAsync(id);
        var lastPaid = grant.Tranches.LastOrDefault(t => t.State == TrancheState.Paid)?.Number ?? 1;
        await Send(system.Grants.HandleAsync(new SubmitProgressReport(id, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), lastPaid, "Progress.", [], new DateOnly(2026, 1, 10)), Officer));
        var number = (await LoadGrantAsync(id)).ProgressReports.Max(r => r.Number);
        await Send(o.Accept
            ? system.Grants.HandleAsync(new AcceptProgressReport(id, number, new DateOnly(2026, 1, 20)), Approver)
            : system.Grants.HandleAsync(new ReturnProgressReport(id, number, new DateOnly(2026, 1, 20), "Figures missing."), Approver));
    });

    private Task ReviseAsync(Op.ReviseBudget o) => OnGrant(o.Grant, async id =>
    {
        var grant = await LoadGrantAsync(id);
        var last = grant.Budget[^1];
        var delta = decimal.Round(last.Amount.Amount * o.PercentChange / 100m, 2);
        var budget = grant.Budget.Select(b => new PlannedBudgetLine(b.Year, b == last ? b.Amount.Amount + delta : b.Amount.Amount)).ToList();
        var tranches = grant.Tranches.Select(t => new PlannedTranche(t.PlannedOn, t.Number == grant.Tranches.Count ? t.PlannedAmount.Amount + delta : (t.PaidAmount ?? t.PlannedAmount).Amount)).ToList();
        await Send(system.Grants.HandleAsync(new ReviseGrantBudget(id, budget, tranches, "Revised work plan", new DateOnly(2025, 6, 1)), Officer));
    });

    private Task<Grant> LoadGrantAsync(Guid id) => system.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new GrantId(id)));

    private async Task<decimal> CashAsync()
    {
        var cash = (await system.Ledger.TrialBalanceAsync(_fund)).Rows.Single(r => r.Account == Cash);
        return cash.Debit - cash.Credit;
    }

    // The ledger must equal what the entities' histories say happened, account by account.
    private async Task CheckInvariantsAsync()
    {
        var balance = await system.Ledger.TrialBalanceAsync(_fund);
        Assert.True(balance.Balances, "debits differ from credits");
        var verification = await system.Ledger.VerifyAsync(_fund);
        Assert.True(verification.Intact, verification.ToString());

        // Every pledge of the fund, including those that unpledged receipts created, and every grant.
        var pledges = await system.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge, _fund);
        var streams = pledges.Select(p => StreamId.For(p.Id)).Concat(_grants.Select(g => StreamId.For(new GrantId(g))));
        decimal cash = 0, revenue = 0, fx = 0, expense = 0, psc = 0, writtenOff = 0;
        foreach (var stream in streams)
        {
            foreach (var stored in await system.Entities.HistoryAsync(stream))
            {
                switch (stored.Event)
                {
                    case ReceiptRecorded e:
                        cash += e.Usd.Amount;
                        fx += e.ExchangeDifference.Amount;
                        break;
                    case PledgeSigned e:
                        revenue += e.Booked.Sum(b => b.Usd.Amount);
                        break;
                    case PledgeAmended e:
                        revenue += e.UsdChanges.Sum(c => c.Usd.Amount);
                        break;
                    case PledgeCancelled e:
                        revenue -= e.Reversed.Sum(r => r.Usd.Amount);
                        break;
                    case PledgeWrittenOff e:
                        writtenOff += e.WrittenOff.Sum(r => r.Usd.Amount);
                        break;
                    case TrancheApproved e:
                        cash -= e.Amount.Amount;
                        expense += e.Amount.Amount;
                        psc += e.Psc.Amount;
                        break;
                }
            }
        }

        var grants = await system.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant, _fund);
        Assert.Equal(cash, balance.BalanceOf(Cash));
        Assert.Equal(pledges.Sum(p => p.OpenReceivableUsd.Amount), balance.BalanceOf(ContributionsReceivable));
        Assert.Equal(-revenue, balance.BalanceOf(ContributionRevenue));
        Assert.Equal(-fx, balance.BalanceOf(ExchangeGainsAndLosses));
        Assert.Equal(expense, balance.BalanceOf(GrantExpense));
        Assert.Equal(grants.Sum(g => g.Disbursed.Amount), expense);
        Assert.Equal(psc, balance.BalanceOf(PscExpense));
        Assert.Equal(-psc, balance.BalanceOf(PscPayable));
        Assert.Equal(writtenOff, balance.BalanceOf(ContributionsWrittenOff));
        Assert.Equal(grants.Sum(g => g.OpenCommitment.Amount), balance.BalanceOf(OpenCommitments));
        Assert.Equal(-balance.BalanceOf(OpenCommitments), balance.BalanceOf(CommitmentsContra));
        Assert.All(grants, g => Assert.True(g.OpenCommitment.Amount >= 0m, $"grant {g.Id} has a negative open commitment"));
    }
}
