using FundManager.Funds;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Pledges;

/// <summary>
/// Money given back, in memory: a refund reverses, latest instalment first, the booked value from revenue and the
/// received value from cash, the difference from the exchange difference realised; refunds reported as running totals
/// reverse each unit once in any order; more than the receipt holds is refused; a fee is recorded once per reference.
/// </summary>
public sealed class ReceiptReversalTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    // Signed at 0.80 EUR per USD (each 1,000 EUR instalment booked at 1,250 USD), received at 1.00 (1,000 USD each: a loss of 500).
    private static readonly ExchangeRateTable Rates = new([new ExchangeRate(Eur, 0.80m, new DateOnly(2025, 1, 1)), new ExchangeRate(Eur, 1.00m, new DateOnly(2025, 6, 1))]);

    [Fact]
    public void A_partial_refund_reverses_the_latest_instalment_first_at_the_receipt_s_own_values()
    {
        var pledge = PaidPledge();

        var reversed = (ReceiptReversed)Assert.Single(pledge.ReverseReceipt("card-1", ReversalKind.Refund, "ch_1", new DateOnly(2025, 7, 1), 1_500m));

        Assert.Equal(1_500m, reversed.Amount.Amount);
        Assert.Equal(1_500m, reversed.CashUsd.Amount);
        Assert.Equal([(2, 1_000m, 1_250m), (1, 500m, 625m)], reversed.Applications.Select(a => (a.Number, a.Amount.Amount, a.RelievedUsd.Amount)));
        Assert.Equal(-375m, reversed.ExchangeDifference.Amount);
        var draft = pledge.PostingFor(reversed)!;
        Assert.Equal(draft.Lines.Sum(l => l.Debit), draft.Lines.Sum(l => l.Credit));

        pledge.ApplyAll([reversed]);
        Assert.Equal((500m, 500m), (pledge.Total.Amount, pledge.Paid.Amount));
        Assert.Equal(0m, pledge.OpenReceivableUsd.Amount);
    }

    [Fact]
    public void Running_totals_reported_twice_or_out_of_order_reverse_each_unit_once_and_never_more_than_the_receipt()
    {
        var pledge = PaidPledge();
        pledge.ApplyAll(pledge.ReverseReceipt("card-1", ReversalKind.Refund, "ch_1", new DateOnly(2025, 7, 1), 800m));

        Assert.Empty(pledge.ReverseReceipt("card-1", ReversalKind.Refund, "ch_1", new DateOnly(2025, 7, 1), 500m));
        Assert.Empty(pledge.ReverseReceipt("card-1", ReversalKind.Refund, "ch_1", new DateOnly(2025, 7, 1), 800m));
        var rest = (ReceiptReversed)Assert.Single(pledge.ReverseReceipt("card-1", ReversalKind.Refund, "ch_1", new DateOnly(2025, 7, 2), 2_000m));
        Assert.Equal(1_200m, rest.Amount.Amount);
        pledge.ApplyAll([rest]);
        Assert.Equal(0m, pledge.Total.Amount);

        var refused = Refusals.AssertRefused(BusinessRule.ReversalExceedsReceipt, () => pledge.ReverseReceipt("card-1", ReversalKind.LostDispute, "dp_1", new DateOnly(2025, 7, 3), 1m));
    }

    [Fact]
    public void A_lost_dispute_is_reversed_once_and_a_fee_recorded_once_per_reference()
    {
        var pledge = PaidPledge();
        pledge.ApplyAll(pledge.ReverseReceipt("card-1", ReversalKind.LostDispute, "dp_1", new DateOnly(2025, 7, 1), 2_000m));
        Assert.Empty(pledge.ReverseReceipt("card-1", ReversalKind.LostDispute, "dp_1", new DateOnly(2025, 7, 1), 2_000m));

        var fee = (ProcessorFeeRecorded)Assert.Single(pledge.RecordProcessorFee("card-1", "txn_1", new DateOnly(2025, 6, 10), new Money(58.30m, Eur), Rates));
        Assert.Equal(58.30m, fee.Usd.Amount);
        pledge.ApplyAll([fee]);
        Assert.Empty(pledge.RecordProcessorFee("card-1", "txn_1", new DateOnly(2025, 6, 10), new Money(58.30m, Eur), Rates));
        Refusals.AssertRefused(BusinessRule.EntityNotFound, () => pledge.RecordProcessorFee("card-2", "txn_2", new DateOnly(2025, 6, 10), new Money(1m, Eur), Rates));
    }

    private static Pledge PaidPledge()
    {
        var pledge = new Pledge();
        pledge.ApplyAll(Pledge.Announce(
            PledgeId.New(), DonorId.New(), FundCode.Parse("REV"), Eur, 2_000m,
            [new PlannedInstalment(new DateOnly(2025, 3, 31), 1_000m), new PlannedInstalment(new DateOnly(2025, 9, 30), 1_000m)], Earmark.None, new DateOnly(2025, 1, 2)));
        pledge.ApplyAll(pledge.Sign(new DateOnly(2025, 1, 2), null, Rates));
        pledge.ApplyAll(pledge.RecordReceipt(ReceiptId.New(), "card-1", ReceiptChannel.CardOnline, new DateOnly(2025, 6, 10), new Money(2_000m, Eur), null, Rates));
        return pledge;
    }
}
