namespace FundManager.Pledges;

/// <summary>
/// A receipt as a pledge keeps it to reverse it: what of each instalment application, and of its USD value, has not been
/// given back yet, how much was refunded, and which lost disputes took some of it.
/// </summary>
internal sealed class HeldReceipt(ReceiptRecorded recorded)
{
    public ReceiptRecorded Recorded { get; } = recorded;

    /// <summary>The applications not yet reversed, in the order the receipt made them.</summary>
    public List<ReceiptApplication> Remaining { get; } = [.. recorded.Applications];

    public Money RemainingCashUsd { get; private set; } = recorded.Usd;

    public Money Refunded { get; private set; } = Money.Zero(recorded.Amount.Currency);

    public HashSet<string> LostDisputes { get; } = new(StringComparer.Ordinal);

    public Money RemainingAmount => Money.Sum(Remaining.Select(a => a.Amount), Recorded.Amount.Currency);

    public void Reverse(ReceiptReversed reversal)
    {
        if (reversal.Kind == ReversalKind.Refund)
        {
            Refunded += reversal.Amount;
        }
        else
        {
            LostDisputes.Add(reversal.Reference);
        }

        RemainingCashUsd -= reversal.CashUsd;
        foreach (var part in reversal.Applications)
        {
            var index = Remaining.FindLastIndex(a => a.Number == part.Number);
            var left = Remaining[index] with { Amount = Remaining[index].Amount - part.Amount, RelievedUsd = Remaining[index].RelievedUsd - part.RelievedUsd };
            if (left.Amount.IsZero)
            {
                Remaining.RemoveAt(index);
            }
            else
            {
                Remaining[index] = left;
            }
        }
    }
}
