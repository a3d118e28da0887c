using FundManager.Ledger;
using static FundManager.Ledger.JournalLine;

namespace FundManager.Pledges;

public sealed partial class Pledge
{
    /// <summary>
    /// The journal entry an event of this pledge posts, or null when it posts nothing
    /// (announcements, and amendments of unsigned pledges). Call before applying the event.
    /// </summary>
    public JournalEntryDraft? PostingFor(PledgeEvent @event)
    {
        var who = $"pledge {Id}";
        return @event switch
        {
            PledgeAnnounced => null,
            PledgeSigned e => new JournalEntryDraft(
                Fund,
                e.SignedOn,
                $"Contribution agreement signed, {who}",
                [
                    .. e.Booked.Select(b => Dr(Account.ContributionsReceivable, b.Usd, AmountOf(b.Number), $"instalment {b.Number}")),
                    Cr(Account.ContributionRevenue, Money.Sum(e.Booked.Select(b => b.Usd), CurrencyCode.Usd), Total),
                ]),
            PledgeAmended e => JournalEntryDraft.IfAny(
                Fund,
                e.EffectiveOn,
                $"Pledge amended ({e.Kind}), {who}: {e.Reason}",
                [
                    .. e.UsdChanges.Select(c => Dr(Account.ContributionsReceivable, c.Usd, null, $"instalment {c.Number}")),
                    Cr(Account.ContributionRevenue, Money.Sum(e.UsdChanges.Select(c => c.Usd), CurrencyCode.Usd)),
                ]),
            ReceiptRecorded e => new JournalEntryDraft(
                Fund,
                e.ReceivedOn,
                $"Receipt {e.Reference}, {who}",
                [
                    Dr(Account.Cash, e.Usd, e.Amount),
                    .. e.Applications.Select(a => Cr(Account.ContributionsReceivable, a.RelievedUsd, a.Amount, $"instalment {a.Number}")),
                    Cr(Account.ExchangeGainsAndLosses, e.ExchangeDifference),
                ]),
            ProcessorFeeRecorded e => new JournalEntryDraft(
                Fund,
                e.On,
                $"Processor's fee {e.Reference} on receipt {e.Receipt}, {who}",
                [Dr(Account.BankCharges, e.Usd, e.Amount), Cr(Account.Cash, e.Usd, e.Amount)]),
            ReceiptReversed e => new JournalEntryDraft(
                Fund,
                e.On,
                $"Receipt {e.Receipt} reversed ({(e.Kind == ReversalKind.Refund ? "refund" : "dispute lost")} {e.Reference}), {who}",
                [
                    .. e.Applications.Select(a => Dr(Account.ContributionRevenue, a.RelievedUsd, a.Amount, $"instalment {a.Number}")),
                    Cr(Account.Cash, e.CashUsd, e.Amount),
                    Dr(Account.ExchangeGainsAndLosses, e.ExchangeDifference),
                ]),
            PledgeCancelled e => JournalEntryDraft.IfAny(
                Fund,
                e.On,
                $"Pledge cancelled, {who}: {e.Reason}",
                [
                    Dr(Account.ContributionRevenue, Money.Sum(e.Reversed.Select(r => r.Usd), CurrencyCode.Usd)),
                    .. e.Reversed.Select(r => Cr(Account.ContributionsReceivable, r.Usd, OutstandingOf(r.Number), $"instalment {r.Number}")),
                ]),
            PledgeWrittenOff e => new JournalEntryDraft(
                Fund,
                e.On,
                $"Contribution written off, {who}: {e.Reason}",
                [
                    Dr(Account.ContributionsWrittenOff, Money.Sum(e.WrittenOff.Select(r => r.Usd), CurrencyCode.Usd)),
                    .. e.WrittenOff.Select(r => Cr(Account.ContributionsReceivable, r.Usd, OutstandingOf(r.Number), $"instalment {r.Number}")),
                ]),
            _ => throw new InvalidOperationException($"No posting rule for {@event.GetType().Name}."),
        };
    }

    private Money? AmountOf(int number) => _instalments.FirstOrDefault(i => i.Number == number)?.Amount;

    private Money? OutstandingOf(int number) => _instalments.FirstOrDefault(i => i.Number == number)?.Outstanding;
}
