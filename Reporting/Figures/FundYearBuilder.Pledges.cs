using FundManager.Common;
using FundManager.Finance;
using FundManager.Entities;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Pledges;

namespace FundManager.Reporting.Figures;

public sealed partial class FundYearBuilder
{
    /// <summary>
    /// The signed pledges the Board may need to see at the period's end, with what was paid on each instalment by then:
    /// open ones, those listed with instalments due in the schedule years, and those that moved money in the period. Paid
    /// amounts count receipts dated by the period's end. Read as soon as the ledger's activity and the pledge listings
    /// are in, while the grants' histories are still being read.
    /// </summary>
    private async Task<SignedPledges> SignedPledgesAsync(
        Task<IReadOnlyList<StreamActivity>> activity, Task<IReadOnlyList<StreamListing>> listings, ReportPeriod period, IReadOnlyList<int> years, CancellationToken ct)
    {
        var (first, last, end) = (years[0], years[^1], period.End);
        var moved = Moved(await activity);
        var relevant = (await listings)
            .Where(p => p.Listing.Status is not nameof(PledgeStatus.Announced))
            .Where(p => p.Listing.Status is nameof(PledgeStatus.Signed) or nameof(PledgeStatus.PartiallyPaid)
                || (p.Listing.Years ?? []).Any(y => y >= first && y <= last) || moved.Contains(p.Stream.ToString()))
            .ToList();
        var pledges = (await system.Entities.LoadManyAsync<Pledge, PledgeEvent>(relevant, ct)).Where(p => p.SignedOn <= end).ToList();
        var paid = (await system.Receipts.PaidAsOfAsync(pledges.Select(p => p.Id).ToList(), end, ct)).ToDictionary(p => (p.Pledge, p.Number), p => p.Amount);
        return new SignedPledges(pledges, paid, moved);
    }

    /// <summary>
    /// Each signed pledge's schedule over the years shown; a pledge with nothing outstanding, nothing due in those years and
    /// no money moved in the period is left out. A pledge cancelled or written off has nothing outstanding.
    /// </summary>
    private static IReadOnlyList<PledgeSchedule> PledgeSchedules(Data data, SignedPledges signed, IReadOnlyList<int> years)
    {
        var (last, end) = (years[^1], data.Period.End);
        var (pledges, paid, moved) = signed;
        var schedules = new List<PledgeSchedule>();
        foreach (var pledge in pledges)
        {
            var closed = pledge.Status is PledgeStatus.Cancelled or PledgeStatus.WrittenOff;
            var rows = pledge.Instalments.Select(i =>
            {
                var paidByEnd = paid.GetValueOrDefault((pledge.Id, i.Number));
                var outstanding = closed ? 0m : Math.Max(0m, i.Amount.Amount - paidByEnd);
                var outstandingUsd = i.Amount.Amount == 0m ? 0m : Money.Round(i.BookedUsd.Amount * outstanding / i.Amount.Amount, CurrencyCode.Usd);
                return (i.DueOn, Amount: i.Amount.Amount, Paid: paidByEnd, Outstanding: outstanding, OutstandingUsd: outstandingUsd);
            }).ToList();
            var schedule = new PledgeSchedule(
                pledge.Id.Value,
                pledge.Donor.Value,
                data.Donors.TryGetValue(pledge.Donor.Value, out var donor) ? donor.Name : pledge.Donor.ToString(),
                pledge.Currency.Code,
                pledge.Currency.MinorUnits,
                pledge.Total.Amount,
                pledge.SignedOn!.Value,
                pledge.Status,
                EarmarkText(pledge.Earmark, data),
                years.Select(y => rows.Where(r => r.DueOn.Year == y).Sum(r => r.Amount)).ToList(),
                rows.Where(r => r.DueOn.Year > last).Sum(r => r.Amount),
                rows.Sum(r => r.Paid),
                rows.Sum(r => r.Outstanding),
                rows.Where(r => r.DueOn <= end).Sum(r => r.Outstanding),
                rows.Sum(r => r.OutstandingUsd),
                years.Select(y => rows.Where(r => r.DueOn.Year <= y).Sum(r => r.OutstandingUsd)).ToList());
            if (schedule.Outstanding != 0m || schedule.DueByYear.Any(d => d != 0m) || moved.Contains(StreamIdOf(pledge)))
            {
                schedules.Add(schedule);
            }
        }

        return schedules.OrderBy(s => s.DonorName, StringComparer.Ordinal).ThenBy(s => s.SignedOn).ThenBy(s => s.Pledge).ToList();
    }

    /// <summary>The streams whose postings moved money within the period.</summary>
    private static HashSet<string> Moved(IReadOnlyList<StreamActivity> activity) =>
        activity.Where(a => a.DebitInPeriod != 0m || a.CreditInPeriod != 0m).Select(a => a.SourceStream).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The signed pledges read for the schedule, what was paid on each instalment by the period's end, and the streams
    /// that moved money in the period.
    /// </summary>
    private sealed record SignedPledges(IReadOnlyList<Pledge> Pledges, IReadOnlyDictionary<(PledgeId Pledge, int Number), decimal> Paid, HashSet<string> Moved);

    /// <summary>
    /// For each year after the report year: the tranches committed grants plan to pay by its end (unpaid at the period's
    /// end, earlier plans included) against the signed instalments due by then and not yet received.
    /// </summary>
    private static IReadOnlyList<PredictabilityYear> Predictability(Data data, IReadOnlyList<PledgeSchedule> pledges, IReadOnlyList<int> years)
    {
        var end = data.Period.End;
        var planned = data.Grants
            .Where(g => g.ApprovedOn <= end && g.Status is GrantStatus.Approved or GrantStatus.Active or GrantStatus.Completed)
            .SelectMany(g => g.Tranches)
            .Where(t => t.PaidOn is null || t.PaidOn > end)
            .ToList();
        return years.Skip(1).Select((year, index) =>
        {
            var need = planned.Where(t => t.PlannedOn.Year <= year).Sum(t => (t.PreparedAmount ?? t.PlannedAmount).Amount);
            var signed = pledges.Sum(p => p.OutstandingUsdDueByYear[index + 1]);
            var coverage = need == 0m ? 1m : Math.Min(1m, decimal.Round(signed / need, 4, MidpointRounding.ToZero));
            return new PredictabilityYear(year, need, signed, coverage);
        }).ToList();
    }

    private static string EarmarkText(Earmark earmark, Data data) => earmark.Kind switch
    {
        EarmarkKind.Unearmarked => "Unearmarked",
        EarmarkKind.Region => "Region: " + (Enum.TryParse<Reference.OhchrRegion>(earmark.Target, out var region) ? Reference.OhchrRegions.DisplayName(region) : earmark.Target),
        EarmarkKind.Country => "Country: " + (Reference.CountryCode.TryParse(earmark.Target, out var country) && Reference.CountryCatalog.Default.Find(country) is { } c ? c.Name : earmark.Target),
        EarmarkKind.SdgTarget => "SDG target " + earmark.Target,
        EarmarkKind.Grant => "Grant: " + (data.Grants.FirstOrDefault(g => g.Id.Value.ToString("D") == earmark.Target)?.Details.Title ?? earmark.Target),
        _ => earmark.Kind.ToString(),
    };

    private static string StreamIdOf(Pledge pledge) => Entities.StreamId.For(pledge.Id).ToString();
}
