using FundManager.Common;
using FundManager.Funds;
using FundManager.Finance;

namespace FundManager.Pledges;

public sealed partial class Pledge
{
    /// <summary>
    /// Decides the announcement of a pledge. Instalments are numbered in due-date order and must
    /// sum exactly to <paramref name="total"/>.
    /// </summary>
    public static PledgeEvent[] Announce(
        PledgeId id, DonorId donor, FundCode fund, CurrencyCode currency, decimal total,
        IReadOnlyList<PlannedInstalment> instalments, Earmark earmark, DateOnly announcedOn)
    {
        BusinessDate.Check(announcedOn, "announcedOn");
        var totalMoney = Money.Entered(total, currency, "total");
        var terms = CheckSchedule(instalments, currency, existing: null);
        var sum = Money.Sum(terms.Select(t => t.Amount), currency);
        if (sum != totalMoney)
        {
            throw RuleViolation.Of(
                BusinessRule.InstalmentsDoNotSumToTotal,
                $"The instalments add up to {sum}, not the pledged {totalMoney}.",
                "instalments",
                ("total", totalMoney.Amount),
                ("sum", sum.Amount));
        }

        return [new PledgeAnnounced(id, donor, fund, currency, totalMoney, terms, earmark, announcedOn)];
    }

    /// <summary>
    /// Decides the signing of the contribution agreement: the pledge becomes binding, and each
    /// instalment's receivable is valued in USD at the rate in force on <paramref name="signedOn"/>.
    /// </summary>
    public PledgeEvent[] Sign(DateOnly signedOn, string? agreementReference, ExchangeRateTable rates)
    {
        EnsureOpen("sign the pledge");
        if (IsSigned)
        {
            throw Illegal("sign the pledge", Status);
        }

        BusinessDate.Check(signedOn, "signedOn");
        var reference = Text.Optional(agreementReference, "agreementReference", 100);
        var rate = rates.RateOn(Currency, signedOn);
        var booked = _instalments.Select(i => new InstalmentValue(i.Number, rate.ToUsd(i.Amount))).ToList();
        return [new PledgeSigned(signedOn, reference, rate.UnitsPerUsd, booked)];
    }

    /// <summary>
    /// Decides an amendment: the new schedule replaces the old. Existing instalments are named by
    /// number; an instalment may not fall below what was paid against it, nor be removed once paid into.
    /// On a signed pledge, increases are valued at the rate of <paramref name="effectiveOn"/> and
    /// decreases reverse the receivable's booked value.
    /// </summary>
    public PledgeEvent[] Amend(IReadOnlyList<PlannedInstalment> schedule, string reason, DateOnly effectiveOn, ExchangeRateTable rates)
    {
        EnsureOpen("amend the pledge");
        var why = Reason.Require(reason);
        BusinessDate.Check(effectiveOn, "effectiveOn");
        var terms = CheckSchedule(schedule, Currency, _instalments);
        var byNumber = terms.ToDictionary(t => t.Number);

        foreach (var old in _instalments)
        {
            var newAmount = byNumber.TryGetValue(old.Number, out var t) ? t.Amount : Money.Zero(Currency);
            if (newAmount < old.Paid)
            {
                throw RuleViolation.Of(
                    BusinessRule.AmendmentBelowPaid,
                    $"Instalment {old.Number} would fall to {newAmount}, below the {old.Paid} already paid against it.",
                    "instalments",
                    ("instalment", old.Number),
                    ("paid", old.Paid.Amount),
                    ("amount", newAmount.Amount));
            }
        }

        var unchanged = terms.Count == _instalments.Count
            && terms.All(t => _instalments.Any(i => i.Number == t.Number && i.DueOn == t.DueOn && i.Amount == t.Amount));
        if (unchanged)
        {
            throw RuleViolation.Of(BusinessRule.AmendmentChangesNothing, "The amended schedule is the same as the current one.", "instalments");
        }

        var newTotal = Money.Sum(terms.Select(x => x.Amount), Currency);
        var kind = newTotal > Total ? AmendmentKind.Increase : newTotal < Total ? AmendmentKind.Decrease : AmendmentKind.Reschedule;

        var changes = new List<InstalmentValue>();
        decimal? unitsPerUsd = null;
        if (IsSigned)
        {
            foreach (var old in _instalments)
            {
                var newAmount = byNumber.TryGetValue(old.Number, out var t) ? t.Amount : Money.Zero(Currency);
                if (newAmount < old.Amount)
                {
                    changes.Add(new InstalmentValue(old.Number, -old.OpenUsdShare(old.Amount - newAmount)));
                }
                else if (newAmount > old.Amount)
                {
                    var rate = rates.RateOn(Currency, effectiveOn);
                    unitsPerUsd = rate.UnitsPerUsd;
                    changes.Add(new InstalmentValue(old.Number, rate.ToUsd(newAmount - old.Amount)));
                }
            }

            foreach (var added in terms.Where(t => _instalments.All(i => i.Number != t.Number)))
            {
                var rate = rates.RateOn(Currency, effectiveOn);
                unitsPerUsd = rate.UnitsPerUsd;
                changes.Add(new InstalmentValue(added.Number, rate.ToUsd(added.Amount)));
            }
        }

        return [new PledgeAmended(kind, terms, effectiveOn, why, unitsPerUsd, changes.Where(c => !c.Usd.IsZero).ToList())];
    }

    /// <summary>Decides the cancellation of the pledge: what is still receivable is reversed against revenue.</summary>
    public PledgeEvent[] Cancel(DateOnly on, string reason)
    {
        EnsureOpen("cancel the pledge");
        var why = Reason.Require(reason);
        BusinessDate.Check(on, "on");
        return [new PledgeCancelled(on, why, OpenReceivables())];
    }

    /// <summary>Decides a write-off of what is still receivable; only a signed pledge has a receivable.</summary>
    public PledgeEvent[] WriteOff(DateOnly on, string reason)
    {
        EnsureOpen("write off the pledge");
        var why = Reason.Require(reason);
        BusinessDate.Check(on, "on");
        if (!IsSigned || Outstanding.IsZero)
        {
            throw RuleViolation.Of(BusinessRule.NothingReceivable, "Only a signed pledge with an outstanding balance can be written off.", null, ("status", Status.ToString()));
        }

        return [new PledgeWrittenOff(on, why, OpenReceivables())];
    }

    private List<InstalmentValue> OpenReceivables() =>
        _instalments.Where(i => !i.OpenUsd.IsZero).Select(i => new InstalmentValue(i.Number, i.OpenUsd)).ToList();

    private static List<InstalmentTerms> CheckSchedule(IReadOnlyList<PlannedInstalment>? schedule, CurrencyCode currency, IReadOnlyList<Instalment>? existing)
    {
        if (schedule is null || schedule.Count == 0)
        {
            throw RuleViolation.Of(BusinessRule.InstalmentsRequired, "A pledge needs at least one instalment.", "instalments");
        }

        if (schedule.Count > 120)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "A pledge has at most 120 instalments.", "instalments");
        }

        if (schedule.Select(s => s.DueOn).Distinct().Count() != schedule.Count)
        {
            throw RuleViolation.Of(BusinessRule.DuplicateInstalmentDueDate, "Two instalments fall due on the same date.", "instalments");
        }

        var nextNumber = existing is { Count: > 0 } ? existing.Max(i => i.Number) + 1 : 1;
        var seen = new HashSet<int>();
        var result = new List<InstalmentTerms>();
        for (var index = 0; index < schedule.Count; index++)
        {
            var planned = schedule[index];
            var field = $"instalments[{index}]";
            BusinessDate.Check(planned.DueOn, field + ".dueOn");
            var amount = Money.Entered(planned.Amount, currency, field + ".amount");
            if (planned.Number is { } number && (existing is null || existing.All(i => i.Number != number) || !seen.Add(number)))
            {
                throw RuleViolation.Of(BusinessRule.UnknownInstalment, $"The pledge has no instalment {number} to amend.", field + ".number", ("instalment", number));
            }

            result.Add(new InstalmentTerms(planned.Number ?? 0, planned.DueOn, amount));
        }

        // New instalments are numbered after the existing ones, in due-date order.
        return result
            .OrderBy(t => t.DueOn)
            .Select(t => t.Number != 0 ? t : t with { Number = nextNumber++ })
            .ToList();
    }
}
