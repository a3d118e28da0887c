using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Finance;

namespace FundManager.Pledges;

/// <summary>
/// A donor's promise to contribute to a fund, in the donor's currency, in one or more instalments.
/// Announced pledges are not binding; a signed agreement makes every instalment a receivable
/// (IPSAS 23). Receipts pay instalments oldest first unless the payer names them.
/// </summary>
public sealed partial class Pledge : Entity<PledgeEvent>, IListed
{
    private readonly List<Instalment> _instalments = [];
    private readonly HashSet<string> _receiptReferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeldReceipt> _receipts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _feeReferences = new(StringComparer.Ordinal);
    private PledgeStatus? _closedAs;

    public PledgeId Id { get; private set; }

    public DonorId Donor { get; private set; }

    public FundCode Fund { get; private set; }

    public CurrencyCode Currency { get; private set; }

    public Earmark Earmark { get; private set; } = Earmark.None;

    public DateOnly AnnouncedOn { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    /// <summary>The contribution agreement's reference the donor signed under, when given (donors quote it when they pay).</summary>
    public string? AgreementReference { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>Derived when asked (not on every event applied), so replaying a pledge with many instalments stays linear.</summary>
    public PledgeStatus Status => _closedAs ?? DeriveStatus();

    public IReadOnlyList<Instalment> Instalments => _instalments;

    public Money Total => Money.Sum(_instalments.Select(i => i.Amount), Currency);

    public Money Paid => Money.Sum(_instalments.Select(i => i.Paid), Currency);

    public Money Outstanding => Total - Paid;

    /// <summary>The USD value this pledge still carries in contributions receivable.</summary>
    public Money OpenReceivableUsd => Money.Sum(_instalments.Select(i => i.OpenUsd), CurrencyCode.Usd);

    public bool IsSigned => SignedOn is not null;

    public Listing Listing => new(
        Donor: Donor.Value, Status: Status.ToString(), Category: Earmark.Kind.ToString(),
        Years: _instalments.Select(i => i.DueOn.Year).Distinct().Order().ToList());

    protected override void When(PledgeEvent @event)
    {
        switch (@event)
        {
            case PledgeAnnounced e:
                Id = e.Id;
                Donor = e.Donor;
                Fund = e.Fund;
                Currency = e.Currency;
                Earmark = e.Earmark;
                AnnouncedOn = e.AnnouncedOn;
                _instalments.AddRange(e.Instalments.Select(Instalment.Planned));
                break;
            case PledgeSigned e:
                SignedOn = e.SignedOn;
                AgreementReference = e.AgreementReference;
                foreach (var booked in e.Booked)
                {
                    Replace(booked.Number, i => i with { BookedUsd = i.BookedUsd + booked.Usd });
                }

                break;
            case PledgeAmended e:
                ApplySchedule(e);
                break;
            case ReceiptRecorded e:
                _receiptReferences.Add(e.Reference);
                _receipts[e.Reference] = new HeldReceipt(e);
                foreach (var application in e.Applications)
                {
                    Replace(application.Number, i => i with { Paid = i.Paid + application.Amount, RelievedUsd = i.RelievedUsd + application.RelievedUsd });
                }

                break;
            case ProcessorFeeRecorded e:
                _feeReferences.Add(e.Reference);
                break;
            case ReceiptReversed e:
                _receipts[e.Receipt].Reverse(e);
                foreach (var application in e.Applications)
                {
                    Replace(application.Number, i => i with
                    {
                        Amount = i.Amount - application.Amount,
                        Paid = i.Paid - application.Amount,
                        BookedUsd = i.BookedUsd - application.RelievedUsd,
                        RelievedUsd = i.RelievedUsd - application.RelievedUsd,
                    });
                }

                break;
            case PledgeCancelled e:
                RelieveAll(e.Reversed);
                IsClosed = true;
                _closedAs = PledgeStatus.Cancelled;
                return;
            case PledgeWrittenOff e:
                RelieveAll(e.WrittenOff);
                IsClosed = true;
                _closedAs = PledgeStatus.WrittenOff;
                return;
            default:
                throw new InvalidOperationException($"Unknown pledge event {@event.GetType().Name}.");
        }

    }

    private void ApplySchedule(PledgeAmended e)
    {
        var previous = _instalments.ToDictionary(i => i.Number);
        _instalments.Clear();
        foreach (var terms in e.Schedule.OrderBy(t => t.DueOn).ThenBy(t => t.Number))
        {
            var kept = previous.TryGetValue(terms.Number, out var old) ? old : Instalment.Planned(terms);
            _instalments.Add(kept with { DueOn = terms.DueOn, Amount = terms.Amount });
        }

        foreach (var change in e.UsdChanges)
        {
            // A reduction of a receivable is recorded as relieved, so booked − relieved stays the open value.
            if (change.Usd.IsNegative)
            {
                Replace(change.Number, i => i with { RelievedUsd = i.RelievedUsd - change.Usd }, allowMissing: true);
            }
            else
            {
                Replace(change.Number, i => i with { BookedUsd = i.BookedUsd + change.Usd });
            }
        }
    }

    private void RelieveAll(IReadOnlyList<InstalmentValue> values)
    {
        foreach (var value in values)
        {
            Replace(value.Number, i => i with { RelievedUsd = i.RelievedUsd + value.Usd });
        }
    }

    private void Replace(int number, Func<Instalment, Instalment> change, bool allowMissing = false)
    {
        var index = _instalments.FindIndex(i => i.Number == number);
        if (index < 0)
        {
            // An instalment removed by an amendment had its receivable reversed in the same event.
            if (allowMissing)
            {
                return;
            }

            throw new InvalidOperationException($"Pledge {Id} has no instalment {number}.");
        }

        _instalments[index] = change(_instalments[index]);
    }

    private PledgeStatus DeriveStatus()
    {
        if (!IsSigned)
        {
            return PledgeStatus.Announced;
        }

        if (Outstanding.IsZero)
        {
            return PledgeStatus.Paid;
        }

        return Paid.IsZero ? PledgeStatus.Signed : PledgeStatus.PartiallyPaid;
    }

    private void EnsureOpen(string action)
    {
        if (IsClosed)
        {
            throw Illegal(action, Status);
        }
    }
}
