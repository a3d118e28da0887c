using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Pledges;

public sealed partial class Pledge
{
    /// <summary>
    /// Decides the recording of a processor's fee on a receipt of this pledge: in the currency it was charged, valued at
    /// the rate of <paramref name="on"/>. A fee already recorded under <paramref name="reference"/> records nothing.
    /// </summary>
    public PledgeEvent[] RecordProcessorFee(string receipt, string reference, DateOnly on, Money amount, ExchangeRateTable rates)
    {
        var held = HeldReceiptOf(receipt);
        var checkedReference = NormaliseReference(reference);
        if (_feeReferences.Contains(checkedReference))
        {
            return [];
        }

        var fee = Money.Entered(amount.Amount, amount.Currency, "amount");
        BusinessDate.Check(on, "on");
        var rate = rates.RateOn(fee.Currency, on);
        return [new ProcessorFeeRecorded(checkedReference, held.Recorded.Reference, on, fee, rate.UnitsPerUsd, rate.ToUsd(fee))];
    }

    /// <summary>
    /// Decides the reversal of money given back (see <see cref="ReverseReceipt"/>): what of <paramref name="reversedToDate"/>
    /// is not reversed yet, taken from the instalments the receipt paid, latest first, each at its own booked and received
    /// USD value, so that a receipt reversed whole leaves no trace in the ledger but the two entries. Nothing new to
    /// reverse records nothing; more than the receipt still holds is refused.
    /// </summary>
    public PledgeEvent[] ReverseReceipt(string receipt, ReversalKind kind, string reference, DateOnly on, decimal reversedToDate)
    {
        var held = HeldReceiptOf(receipt);
        var checkedReference = NormaliseReference(reference);
        BusinessDate.Check(on, "on");
        var due = kind switch
        {
            ReversalKind.Refund => reversedToDate - held.Refunded.Amount,
            ReversalKind.LostDispute when held.LostDisputes.Contains(checkedReference) => 0m,
            ReversalKind.LostDispute => reversedToDate,
            _ => throw RuleViolation.Of(BusinessRule.InvalidInput, "Unknown kind of reversal.", "kind"),
        };
        if (due <= 0m)
        {
            return [];
        }

        var amount = Money.Entered(due, Currency, "amount");
        var remaining = held.RemainingAmount;
        if (amount > remaining)
        {
            throw RuleViolation.Of(
                BusinessRule.ReversalExceedsReceipt,
                $"{amount} is more than the {remaining} of receipt {held.Recorded.Reference} not given back yet.",
                "amount",
                ("amount", amount.Amount),
                ("remaining", remaining.Amount));
        }

        var whole = amount == remaining;
        var parts = new List<ReceiptApplication>();
        var left = amount;
        for (var i = held.Remaining.Count - 1; i >= 0 && !left.IsZero; i--)
        {
            var application = held.Remaining[i];
            var part = Money.Min(left, application.Amount);
            var relieved = part == application.Amount ? application.RelievedUsd : (application.RelievedUsd * (part.Amount / application.Amount.Amount)).Rounded();
            parts.Add(new ReceiptApplication(application.Number, part, relieved));
            left -= part;
        }

        var cash = whole ? held.RemainingCashUsd : (held.Recorded.Usd * (amount.Amount / held.Recorded.Amount.Amount)).Rounded();
        var relievedUsd = Money.Sum(parts.Select(p => p.RelievedUsd), CurrencyCode.Usd);
        return [new ReceiptReversed(checkedReference, held.Recorded.Reference, kind, on, amount, cash, parts, cash - relievedUsd)];
    }

    private HeldReceipt HeldReceiptOf(string receipt) =>
        _receipts.TryGetValue(NormaliseReference(receipt), out var held)
            ? held
            : throw RuleViolation.Of(BusinessRule.EntityNotFound, $"Pledge {Id} has no receipt {receipt}.", "receipt", ("receipt", receipt));
}
