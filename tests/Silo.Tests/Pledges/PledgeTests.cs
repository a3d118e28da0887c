using FundManager.Entities;
using FundManager.Ledger;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Pledges;

/// <summary>
/// Pledges from announcement to payment. Rates (units per USD): EUR 0.90 from 2024-01-01, 0.95 from 2024-07-01,
/// 0.80 from 2025-01-01; JPY 140, 150, 160; KWD 0.300, 0.310, 0.305.
/// </summary>
public sealed class PledgeTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    private static readonly (DateOnly, decimal)[] TwoEuroInstalments = [(new DateOnly(2024, 3, 31), 90_000m), (new DateOnly(2025, 3, 31), 90_000m)];

    private Task<global::FundManager.Persistence.CommandResult> Receive(Guid pledge, decimal amount, string currency, DateOnly on, string? reference = null, IReadOnlyList<ReceiptAllocation>? allocations = null) =>
        db.System.Pledges.HandleAsync(new RecordReceipt(pledge, reference ?? "REF-" + Guid.NewGuid().ToString("N"), ReceiptChannel.BankTransfer, on, amount, currency, allocations), Scenario.As(Scenario.Officer));

    [Fact]
    public async Task Instalments_that_do_not_sum_to_the_total_are_refused_and_nothing_is_stored()
    {
        var fund = await _s.FundAsync();
        var donor = await _s.DonorAsync();
        var id = Guid.NewGuid();

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.InstalmentsDoNotSumToTotal, () => db.System.Pledges.HandleAsync(
            new AnnouncePledge(donor, fund.Value, "EUR", 100_000m, [new PlannedInstalment(new DateOnly(2025, 1, 1), 60_000m), new PlannedInstalment(new DateOnly(2026, 1, 1), 30_000m)], new DateOnly(2024, 12, 1), Id: id),
            Scenario.As(Scenario.Officer)));

        Assert.Equal("instalments", refusal.Field);
        Assert.False((await _s.PledgeAsync(id)).Exists);
    }

    [Fact]
    public async Task An_announced_pledge_is_not_revenue()
    {
        var fund = await _s.FundAsync();
        var donor = await _s.DonorAsync();
        var id = Guid.NewGuid();
        await db.System.Pledges.HandleAsync(new AnnouncePledge(donor, fund.Value, "EUR", 50_000m, [new PlannedInstalment(new DateOnly(2025, 1, 1), 50_000m)], new DateOnly(2024, 12, 1), Id: id), Scenario.As(Scenario.Officer));

        var pledge = await _s.PledgeAsync(id);
        Assert.Equal(PledgeStatus.Announced, pledge.Status);
        Assert.Equal(0m, (await db.System.Ledger.TrialBalanceAsync(fund)).TotalDebit);
        await Refusals.AssertRefusedAsync(BusinessRule.PledgeNotSigned, () => Receive(id, 1_000m, "EUR", new DateOnly(2025, 1, 5)));
    }

    [Fact]
    public async Task Signing_books_one_receivable_per_instalment_at_the_signing_dates_rate()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments, new DateOnly(2024, 2, 1));

        var pledge = await _s.PledgeAsync(id);
        Assert.Equal(PledgeStatus.Signed, pledge.Status);
        Assert.All(pledge.Instalments, i => Assert.Equal(Money.Usd(100_000m), i.BookedUsd));
        var entry = await SingleEntryAsync(fund, "PledgeSigned");
        Assert.Equal(new DateOnly(2024, 2, 1), entry.Date);
        Assert.Equal(2, entry.Lines.Count(l => l.Account == Account.ContributionsReceivable && l.Debit == 100_000m && l.Original == new Money(90_000m, CurrencyCode.Parse("EUR"))));
        Assert.Contains(entry.Lines, l => l.Account == Account.ContributionRevenue && l.Credit == 200_000m);
    }

    [Fact]
    public async Task Signing_without_a_rate_in_force_is_refused()
    {
        var fund = await _s.FundAsync();
        var donor = await _s.DonorAsync();
        var id = Guid.NewGuid();
        await db.System.Pledges.HandleAsync(new AnnouncePledge(donor, fund.Value, "EUR", 10m, [new PlannedInstalment(new DateOnly(2024, 1, 1), 10m)], new DateOnly(2023, 5, 1), Id: id), Scenario.As(Scenario.Officer));

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.NoExchangeRate, () => db.System.Pledges.HandleAsync(new SignPledge(id, new DateOnly(2023, 6, 1)), Scenario.As(Scenario.Officer)));
        Assert.Equal(1, (await _s.PledgeAsync(id)).Version);
    }

    [Fact]
    public async Task Receipts_post_an_exchange_loss_then_a_gain_against_the_booked_value()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments, new DateOnly(2024, 2, 1));

        // 90,000 EUR at 0.95 = 94,736.84 USD against 100,000.00 booked: a loss of 5,263.16.
        await Receive(id, 90_000m, "EUR", new DateOnly(2024, 8, 1));
        Assert.Equal(PledgeStatus.PartiallyPaid, (await _s.PledgeAsync(id)).Status);
        Assert.Equal(94_736.84m, await _s.BalanceAsync(fund, Account.Cash));
        Assert.Equal(5_263.16m, await _s.BalanceAsync(fund, Account.ExchangeGainsAndLosses));

        // 90,000 EUR at 0.80 = 112,500.00 USD: a gain of 12,500.00, net gain 7,236.84.
        await Receive(id, 90_000m, "EUR", new DateOnly(2025, 2, 1));
        var pledge = await _s.PledgeAsync(id);
        Assert.Equal(PledgeStatus.Paid, pledge.Status);
        Assert.Equal(207_236.84m, await _s.BalanceAsync(fund, Account.Cash));
        Assert.Equal(-7_236.84m, await _s.BalanceAsync(fund, Account.ExchangeGainsAndLosses));
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.ContributionsReceivable));
        Assert.Equal(0m, pledge.OpenReceivableUsd.Amount);
    }

    [Fact]
    public async Task A_receipt_in_another_currency_than_the_pledge_is_refused()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments);

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.ReceiptCurrencyDiffersFromPledge, () => Receive(id, 1_000m, "USD", new DateOnly(2024, 8, 1)));
        Assert.Contains("EUR", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.Cash));
    }

    [Fact]
    public async Task Paying_more_than_is_outstanding_is_refused()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments);
        await Receive(id, 100_000m, "EUR", new DateOnly(2024, 8, 1));

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.ReceiptExceedsOutstanding, () => Receive(id, 80_000.01m, "EUR", new DateOnly(2024, 9, 1)));
        var pledge = await _s.PledgeAsync(id);
        Assert.Equal(new Money(80_000m, CurrencyCode.Parse("EUR")), pledge.Outstanding);
        Assert.Equal(3, pledge.Version);
    }

    [Fact]
    public async Task A_reference_counts_once_across_pledges_whatever_its_case()
    {
        var fund = await _s.FundAsync();
        var first = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments);
        var second = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments);
        await Receive(first, 1_000m, "EUR", new DateOnly(2024, 8, 1), "swift-0042");
        var cash = await _s.BalanceAsync(fund, Account.Cash);

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.DuplicateReceiptReference, () => Receive(second, 1_000m, "EUR", new DateOnly(2024, 8, 1), " SWIFT-0042 "));
        Assert.Equal(cash, await _s.BalanceAsync(fund, Account.Cash));
        Assert.True((await _s.PledgeAsync(second)).Paid.IsZero);
    }

    [Fact]
    public async Task Receipts_pay_the_oldest_instalment_first_unless_instalments_are_named()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "JPY", [(new DateOnly(2024, 3, 31), 1_000_000m), (new DateOnly(2025, 3, 31), 2_000_000m), (new DateOnly(2026, 3, 31), 3_000_000m)]);

        await Receive(id, 1_500_000m, "JPY", new DateOnly(2024, 8, 1));
        await Receive(id, 500_000m, "JPY", new DateOnly(2024, 8, 2), allocations: [new ReceiptAllocation(3, 500_000m)]);

        var paid = (await _s.PledgeAsync(id)).Instalments.Select(i => i.Paid.Amount).ToArray();
        Assert.Equal([1_000_000m, 500_000m, 500_000m], paid);
        var wrongSum = await Refusals.AssertRefusedAsync(BusinessRule.AllocationDoesNotMatchReceipt, () => Receive(id, 10m, "JPY", new DateOnly(2024, 8, 3), allocations: [new ReceiptAllocation(2, 9m)]));
        var unknown = await Refusals.AssertRefusedAsync(BusinessRule.UnknownInstalment, () => Receive(id, 10m, "JPY", new DateOnly(2024, 8, 3), allocations: [new ReceiptAllocation(7, 10m)]));
        var decimals = await Refusals.AssertRefusedAsync(BusinessRule.AmountPrecisionExceedsCurrency, () => Receive(id, 10.5m, "JPY", new DateOnly(2024, 8, 3)));
    }

    [Fact]
    public async Task An_amendment_may_not_leave_an_instalment_below_what_was_paid()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments);
        await Receive(id, 50_000m, "EUR", new DateOnly(2024, 8, 1));

        await Refusals.AssertRefusedAsync(BusinessRule.AmendmentBelowPaid, () => db.System.Pledges.HandleAsync(
            new AmendPledge(id, [new PlannedInstalment(new DateOnly(2024, 3, 31), 40_000m, 1), new PlannedInstalment(new DateOnly(2025, 3, 31), 90_000m, 2)], "Budget cut", new DateOnly(2024, 9, 1)),
            Scenario.As(Scenario.Officer)));

        Assert.Equal(new Money(180_000m, CurrencyCode.Parse("EUR")), (await _s.PledgeAsync(id)).Total);
    }

    [Fact]
    public async Task An_increase_is_revenue_at_the_effective_dates_rate_and_a_decrease_reverses_booked_value()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments);

        // +19,000 EUR on instalment 2 at 0.95 = 20,000.00 USD more revenue.
        await db.System.Pledges.HandleAsync(
            new AmendPledge(id, [new PlannedInstalment(new DateOnly(2024, 3, 31), 90_000m, 1), new PlannedInstalment(new DateOnly(2025, 3, 31), 109_000m, 2)], "Additional contribution", new DateOnly(2024, 9, 1)),
            Scenario.As(Scenario.Officer));
        Assert.Equal(-220_000m, await _s.BalanceAsync(fund, Account.ContributionRevenue));
        var amended = (await db.System.Entities.HistoryAsync(StreamId.For(new PledgeId(id))))[^1];
        Assert.Equal("Additional contribution", amended.Reason);
        Assert.Equal(AmendmentKind.Increase, ((PledgeAmended)amended.Event).Kind);

        // −45,000 EUR of instalment 1 (booked 100,000.00 for 90,000 EUR) reverses half its booked value.
        await db.System.Pledges.HandleAsync(
            new AmendPledge(id, [new PlannedInstalment(new DateOnly(2024, 3, 31), 45_000m, 1), new PlannedInstalment(new DateOnly(2025, 3, 31), 109_000m, 2)], "Reduced", new DateOnly(2024, 10, 1)),
            Scenario.As(Scenario.Officer));
        Assert.Equal(-170_000m, await _s.BalanceAsync(fund, Account.ContributionRevenue));
        Assert.Equal(170_000m, await _s.BalanceAsync(fund, Account.ContributionsReceivable));
    }

    [Fact]
    public async Task Cancelling_reverses_what_is_still_receivable_and_closes_the_pledge()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "EUR", TwoEuroInstalments);
        await Receive(id, 90_000m, "EUR", new DateOnly(2024, 8, 1));

        await db.System.Pledges.HandleAsync(new CancelPledge(id, new DateOnly(2024, 12, 1), "Parliament did not approve the second year"), Scenario.As(Scenario.Officer));

        Assert.Equal(PledgeStatus.Cancelled, (await _s.PledgeAsync(id)).Status);
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.ContributionsReceivable));
        Assert.Equal(-100_000m, await _s.BalanceAsync(fund, Account.ContributionRevenue));
        var after = await Refusals.AssertRefusedAsync(BusinessRule.IllegalTransition, () => Receive(id, 1m, "EUR", new DateOnly(2024, 12, 2)));
        var unknown = await Refusals.AssertRefusedAsync(BusinessRule.EntityNotFound, () => db.System.Pledges.HandleAsync(new CancelPledge(Guid.NewGuid(), new DateOnly(2024, 12, 1), "No such pledge"), Scenario.As(Scenario.Officer)));
    }

    [Fact]
    public async Task A_write_off_moves_the_open_receivable_to_an_expense()
    {
        var fund = await _s.FundAsync();
        var id = await _s.SignedPledgeAsync(fund, "KWD", [(new DateOnly(2024, 3, 31), 3_000.000m), (new DateOnly(2025, 3, 31), 3_000.000m)]);
        await Receive(id, 3_000.000m, "KWD", new DateOnly(2024, 3, 31));

        var noReason = await Refusals.AssertRefusedAsync(BusinessRule.ReasonRequired, () => db.System.Pledges.HandleAsync(new WriteOffPledge(id, new DateOnly(2025, 6, 1), ""), Scenario.As(Scenario.Officer)));
        await db.System.Pledges.HandleAsync(new WriteOffPledge(id, new DateOnly(2025, 6, 1), "Uncollectible"), Scenario.As(Scenario.Officer));

        Assert.Equal(PledgeStatus.WrittenOff, (await _s.PledgeAsync(id)).Status);
        Assert.Equal(10_000m, await _s.BalanceAsync(fund, Account.ContributionsWrittenOff));
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.ContributionsReceivable));
    }

    [Fact]
    public async Task Money_without_a_pledge_becomes_a_signed_pledge_paid_at_once()
    {
        var fund = await _s.FundAsync();
        var donor = await _s.DonorAsync("A. Person", Donors.DonorType.Individual, null);
        var id = Guid.NewGuid();

        await db.System.Pledges.HandleAsync(new RecordUnpledgedReceipt(donor, fund.Value, "ch_3Nx", ReceiptChannel.CardOnline, new DateOnly(2024, 8, 1), 950m, "EUR", Pledge: id), Scenario.As(Scenario.Officer));

        var pledge = await _s.PledgeAsync(id);
        Assert.Equal(PledgeStatus.Paid, pledge.Status);
        Assert.Equal(1_000m, await _s.BalanceAsync(fund, Account.Cash));
        Assert.Equal(-1_000m, await _s.BalanceAsync(fund, Account.ContributionRevenue));
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.ExchangeGainsAndLosses));
        Assert.Equal(["PledgeAnnounced", "PledgeSigned", "ReceiptRecorded"], (await db.System.Entities.HistoryAsync(StreamId.For(new PledgeId(id)))).Select(e => e.Type).ToArray());
    }

    private async Task<JournalEntry> SingleEntryAsync(global::FundManager.Funds.FundCode fund, string sourceEvent)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in db.System.Ledger.EntriesAsync(fund))
        {
            if (entry.SourceEvent == sourceEvent)
            {
                entries.Add(entry);
            }
        }

        return Assert.Single(entries);
    }
}
