using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Pledges;

public sealed partial class Pledge
{
    /// <summary>The longest bank or processor reference accepted.</summary>
    public const int MaxReferenceLength = 100;

    /// <summary>
    /// Decides the recording of money received. It must be in the pledge's currency and no more than
    /// is outstanding. Without <paramref name="allocations"/> it pays the oldest unpaid instalments
    /// first. Its USD value uses the rate of <paramref name="receivedOn"/>; the difference to the
    /// receivables' booked value is an exchange gain or loss.
    /// </summary>
    public PledgeEvent[] RecordReceipt(
        ReceiptId id, string reference, ReceiptChannel channel, DateOnly receivedOn, Money amount,
        IReadOnlyList<(int Number, decimal Amount)>? allocations, ExchangeRateTable rates)
    {
        EnsureOpen("record a receipt");
        if (!IsSigned)
        {
            throw RuleViolation.Of(BusinessRule.PledgeNotSigned, "The pledge is only announced: record the signed agreement before receipts.", null, ("pledge", Id.ToString()));
        }

        if (amount.Currency != Currency)
        {
            throw RuleViolation.Of(
                BusinessRule.ReceiptCurrencyDiffersFromPledge,
                $"This pledge is in {Currency}; a receipt in {amount.Currency} cannot be applied to it. Record the amount in {Currency} as credited by the bank.",
                "currency",
                ("pledgeCurrency", Currency.Code),
                ("receiptCurrency", amount.Currency.Code));
        }

        var checkedAmount = Money.Entered(amount.Amount, Currency, "amount");
        var checkedReference = NormaliseReference(reference);
        if (!Enum.IsDefined(channel))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "Unknown receipt channel.", "channel");
        }

        BusinessDate.Check(receivedOn, "receivedOn");
        if (_receiptReferences.Contains(checkedReference))
        {
            throw DuplicateReference(checkedReference);
        }

        var parts = allocations is { Count: > 0 } ? Allocate(checkedAmount, allocations) : OldestFirst(checkedAmount);
        var rate = rates.RateOn(Currency, receivedOn);
        var usd = rate.ToUsd(checkedAmount);
        var applications = parts
            .Select(p => new ReceiptApplication(p.Instalment.Number, p.Amount, p.Instalment.OpenUsdShare(p.Amount)))
            .ToList();
        var relieved = Money.Sum(applications.Select(a => a.RelievedUsd), CurrencyCode.Usd);
        return [new ReceiptRecorded(id, checkedReference, channel, receivedOn, checkedAmount, rate.UnitsPerUsd, usd, applications, usd - relieved)];
    }

    /// <summary>References are compared trimmed and case-insensitively: banks do not agree on case.</summary>
    public static string NormaliseReference(string reference) =>
        Text.Check(reference, "reference", MaxReferenceLength, allowLineBreaks: false).ToUpperInvariant();

    public static RuleViolation DuplicateReference(string reference) =>
        RuleViolation.Of(
            BusinessRule.DuplicateReceiptReference,
            $"A receipt with reference '{reference}' is already recorded; the same money is never counted twice.",
            "reference",
            ("reference", reference));

    private List<(Instalment Instalment, Money Amount)> OldestFirst(Money amount)
    {
        if (amount > Outstanding)
        {
            throw Exceeds(amount, Outstanding, null);
        }

        var parts = new List<(Instalment, Money)>();
        var left = amount;
        foreach (var instalment in _instalments.Where(i => !i.IsPaid).OrderBy(i => i.DueOn).ThenBy(i => i.Number))
        {
            if (left.IsZero)
            {
                break;
            }

            var part = Money.Min(left, instalment.Outstanding);
            parts.Add((instalment, part));
            left -= part;
        }

        return parts;
    }

    private List<(Instalment Instalment, Money Amount)> Allocate(Money amount, IReadOnlyList<(int Number, decimal Amount)> allocations)
    {
        var parts = new List<(Instalment, Money)>();
        var seen = new HashSet<int>();
        for (var index = 0; index < allocations.Count; index++)
        {
            var (number, value) = allocations[index];
            var field = $"allocations[{index}]";
            var instalment = _instalments.FirstOrDefault(i => i.Number == number);
            if (instalment is null || !seen.Add(number))
            {
                throw RuleViolation.Of(BusinessRule.UnknownInstalment, $"The pledge has no instalment {number} (or it is named twice).", field + ".number", ("instalment", number));
            }

            var part = Money.Entered(value, Currency, field + ".amount");
            if (part > instalment.Outstanding)
            {
                throw Exceeds(part, instalment.Outstanding, number);
            }

            parts.Add((instalment, part));
        }

        var sum = Money.Sum(parts.Select(p => p.Item2), Currency);
        if (sum != amount)
        {
            throw RuleViolation.Of(BusinessRule.AllocationDoesNotMatchReceipt, $"The allocations add up to {sum}, not the {amount} received.", "allocations", ("sum", sum.Amount), ("amount", amount.Amount));
        }

        return parts;
    }

    private static RuleViolation Exceeds(Money amount, Money outstanding, int? instalment) =>
        RuleViolation.Of(
            BusinessRule.ReceiptExceedsOutstanding,
            instalment is null
                ? $"{amount} is more than the {outstanding} outstanding on this pledge."
                : $"{amount} is more than the {outstanding} outstanding on instalment {instalment}.",
            "amount",
            ("amount", amount.Amount),
            ("outstanding", outstanding.Amount),
            ("instalment", instalment));
}
