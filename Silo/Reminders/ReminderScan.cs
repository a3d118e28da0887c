using System.Globalization;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Pledges;

namespace FundManager.Reminders;

/// <summary>
/// Finds what in a fund needs attention on a day: instalments due within <see cref="HorizonDays"/> days or overdue,
/// planned tranches not prepared by their date, progress reports due within the horizon or overdue, and currencies of
/// open pledges with no operational rate for the month. Pure: the caller reads the entities.
/// </summary>
public static class ReminderScan
{
    /// <summary>How far ahead a due date raises a reminder.</summary>
    public const int HorizonDays = 30;

    /// <summary>How long after the end of the period a tranche covers its progress report is due.</summary>
    public const int ReportDaysAfterPeriod = 30;

    /// <summary>The reminders of <paramref name="fund"/> on <paramref name="today"/>, each open, in id order.</summary>
    /// <param name="fund">The fund.</param>
    /// <param name="today">The business day.</param>
    /// <param name="pledges">The fund's signed pledges with money outstanding (others raise nothing).</param>
    /// <param name="grants">The fund's approved, active and completed grants.</param>
    /// <param name="donorNames">Donor names, for the descriptions.</param>
    /// <param name="latestRates">For each currency the pledges are in, the latest date a rate is effective from (null: none).</param>
    public static IReadOnlyList<ReminderItem> Find(
        FundCode fund, DateOnly today, IEnumerable<Pledge> pledges, IEnumerable<Grant> grants,
        IReadOnlyDictionary<Guid, string> donorNames, IReadOnlyDictionary<CurrencyCode, DateOnly?> latestRates)
    {
        var horizon = today.AddDays(HorizonDays);
        var items = new List<ReminderItem>();
        var open = pledges.Where(p => p.IsSigned && !p.IsClosed && !p.Outstanding.IsZero).ToList();
        foreach (var pledge in open)
        {
            var donor = donorNames.GetValueOrDefault(pledge.Donor.Value, $"donor {pledge.Donor}");
            foreach (var instalment in pledge.Instalments.Where(i => !i.IsPaid && i.DueOn <= horizon))
            {
                items.Add(new ReminderItem(
                    $"{fund}:instalment:{pledge.Id}:{instalment.Number}", fund, ReminderKind.Instalment, StreamId.For(pledge.Id).ToString(), pledge.Donor.Value,
                    instalment.DueOn, $"Instalment {instalment.Number} of {donor}'s pledge: {instalment.Outstanding} outstanding, due {Day(instalment.DueOn)}."));
            }
        }

        foreach (var grant in grants.Where(g => g.Status is GrantStatus.Approved or GrantStatus.Active or GrantStatus.Completed))
        {
            var title = grant.Details.Title;
            if (grant.Status != GrantStatus.Completed)
            {
                foreach (var tranche in grant.Tranches.Where(t => t.State == TrancheState.Planned && t.PlannedOn <= today))
                {
                    items.Add(new ReminderItem(
                        $"{fund}:tranche:{grant.Id}:{tranche.Number}", fund, ReminderKind.Tranche, StreamId.For(grant.Id).ToString(), null,
                        tranche.PlannedOn, $"Tranche {tranche.Number} of \"{title}\" ({tranche.PlannedAmount}) was planned for {Day(tranche.PlannedOn)} and is not prepared."));
                }
            }

            foreach (var tranche in grant.Tranches.Where(t => t.State == TrancheState.Paid))
            {
                var reported = grant.ProgressReports.Any(r => r.CoversTranche == tranche.Number && r.Status is ProgressReportStatus.Submitted or ProgressReportStatus.Accepted);
                var due = ReportDueOn(grant, tranche.Number);
                if (!reported && due <= horizon)
                {
                    items.Add(new ReminderItem(
                        $"{fund}:report:{grant.Id}:{tranche.Number}", fund, ReminderKind.ProgressReport, StreamId.For(grant.Id).ToString(), null,
                        due, $"The progress report on tranche {tranche.Number} of \"{title}\" is due {Day(due)}."));
                }
            }
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        foreach (var currency in open.Select(p => p.Currency).Where(c => c != CurrencyCode.Usd).Distinct())
        {
            if (latestRates.GetValueOrDefault(currency) is not { } latest || latest < month)
            {
                items.Add(new ReminderItem(
                    $"{fund}:rate:{currency.Code}:{month:yyyy-MM}", fund, ReminderKind.ExchangeRate, currency.Code, null,
                    month, $"No UN operational rate of exchange for {currency.Code} is recorded for {month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}."));
            }
        }

        return items.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// When the progress report on tranche <paramref name="number"/> is due: <see cref="ReportDaysAfterPeriod"/> days
    /// after the end of the period the tranche covers, which runs until the day before the next tranche is planned, or,
    /// for the last tranche, until the grant ends.
    /// </summary>
    public static DateOnly ReportDueOn(Grant grant, int number)
    {
        var next = grant.Tranches.FirstOrDefault(t => t.Number == number + 1);
        var periodEnd = next is null ? grant.Details.Period.End : next.PlannedOn.AddDays(-1);
        return periodEnd.AddDays(ReportDaysAfterPeriod);
    }

    /// <summary>Carries over what people did with the items that are still current (acknowledged stays acknowledged).</summary>
    public static List<ReminderItem> Merge(IEnumerable<ReminderItem> found, IEnumerable<ReminderItem> before)
    {
        var previous = before.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return found.Select(i => previous.TryGetValue(i.Id, out var was)
            ? i with { Status = was.Status, AcknowledgedBy = was.AcknowledgedBy, AcknowledgedAt = was.AcknowledgedAt }
            : i).ToList();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
