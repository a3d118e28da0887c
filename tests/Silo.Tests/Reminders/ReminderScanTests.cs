using FundManager.Funds;
using FundManager.Grants;
using FundManager.Pledges;
using FundManager.Reminders;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Reminders;

/// <summary>What the daily reminder finds, decided in memory on entities built from their own decisions.</summary>
public sealed class ReminderScanTests
{
    private static readonly FundCode Code = FundCode.Parse("UPR-TEST");
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly UserId Officer = new(Scenario.Officer);
    private static readonly UserId Approver = new(Scenario.Approver);

    [Fact]
    public void A_tranche_not_prepared_by_its_date_and_a_report_due_thirty_days_after_its_period_are_found()
    {
        var grant = ApprovedGrant([new(new DateOnly(2025, 1, 15), 40_000m), new(new DateOnly(2025, 6, 1), 30_000m), new(new DateOnly(2025, 11, 1), 30_000m)]);
        grant.ApplyAll(grant.PrepareTranche(1, null, Officer, new DateOnly(2025, 1, 15)));
        grant.ApplyAll(grant.ApproveTranche(1, Approver, new DateOnly(2025, 1, 15), Rich));

        var items = ReminderScan.Find(Code, Today, [], [grant], new Dictionary<Guid, string>(), new Dictionary<CurrencyCode, DateOnly?>());

        // Tranche 2 was planned for 1 June and is not prepared; tranche 3 is not due yet.
        var tranche = Assert.Single(items, i => i.Kind == ReminderKind.Tranche);
        Assert.Equal((new DateOnly(2025, 6, 1), $"{Code}:tranche:{grant.Id}:2"), (tranche.DueOn, tranche.Id));

        // Tranche 1 covers 15 January to 31 May (the day before tranche 2 is planned): its report is due 30 June.
        var report = Assert.Single(items, i => i.Kind == ReminderKind.ProgressReport);
        Assert.Equal(new DateOnly(2025, 6, 30), report.DueOn);
        Assert.Equal(new DateOnly(2025, 6, 30), ReminderScan.ReportDueOn(grant, 1));

        // The last tranche's report is due 30 days after the grant ends.
        Assert.Equal(new DateOnly(2026, 1, 30), ReminderScan.ReportDueOn(grant, 3));

        grant.ApplyAll(grant.SubmitProgressReport(null, new DateOnly(2025, 1, 15), new DateOnly(2025, 5, 31), 1, "Done.", [], Officer, Today));
        Assert.DoesNotContain(
            ReminderScan.Find(Code, Today, [], [grant], new Dictionary<Guid, string>(), new Dictionary<CurrencyCode, DateOnly?>()),
            i => i.Kind == ReminderKind.ProgressReport);
    }

    [Fact]
    public void Instalments_due_within_thirty_days_or_overdue_are_found_and_a_missing_rate_of_the_month()
    {
        var pledge = SignedPledge([(new DateOnly(2025, 5, 1), 100m), (new DateOnly(2025, 7, 30), 100m), (new DateOnly(2025, 7, 31), 100m)]);
        var donors = new Dictionary<Guid, string> { [pledge.Donor.Value] = "Norway" };

        var withoutRate = ReminderScan.Find(Code, Today, [pledge], [], donors, new Dictionary<CurrencyCode, DateOnly?> { [CurrencyCode.Parse("NOK")] = new DateOnly(2025, 5, 1) });
        var withRate = ReminderScan.Find(Code, Today, [pledge], [], donors, new Dictionary<CurrencyCode, DateOnly?> { [CurrencyCode.Parse("NOK")] = new DateOnly(2025, 6, 1) });

        Assert.Equal([new DateOnly(2025, 5, 1), new DateOnly(2025, 7, 30)], withRate.Select(i => i.DueOn));
        Assert.All(withRate, i => Assert.Equal(pledge.Donor.Value, i.Donor));
        Assert.Contains("Norway", withRate[0].Description, StringComparison.Ordinal);
        Assert.Equal($"{Code}:rate:NOK:2025-06", Assert.Single(withoutRate, i => i.Kind == ReminderKind.ExchangeRate).Id);
    }

    [Fact]
    public void A_run_keeps_what_people_acknowledged_and_drops_what_is_no_longer_due()
    {
        var found = new ReminderItem("F:instalment:p:1", Code, ReminderKind.Instalment, "pledge/p", null, Today, "Due.");
        var before = new[]
        {
            found with { Status = ReminderStatus.Acknowledged, AcknowledgedBy = "officer@x", AcknowledgedAt = DateTimeOffset.UnixEpoch },
            found with { Id = "F:instalment:p:2" },
        };

        var merged = ReminderScan.Merge([found], before);

        Assert.Equal((ReminderStatus.Acknowledged, "officer@x"), (Assert.Single(merged).Status, merged[0].AcknowledgedBy));
    }

    private static FundPosition Rich => new(Money.Usd(10_000_000m), Money.Usd(0m), Money.Usd(0m), 0.15m);

    private static Pledge SignedPledge((DateOnly Due, decimal Amount)[] instalments)
    {
        var pledge = new Pledge();
        var nok = CurrencyCode.Parse("NOK");
        pledge.ApplyAll(Pledge.Announce(
            PledgeId.New(), DonorId.New(), Code, nok, instalments.Sum(i => i.Amount), instalments.Select(i => new PlannedInstalment(i.Due, i.Amount)).ToList(),
            Earmark.None, new DateOnly(2025, 1, 2)));
        pledge.ApplyAll(pledge.Sign(new DateOnly(2025, 1, 2), "CA", new ExchangeRateTable([new ExchangeRate(nok, 10m, new DateOnly(2025, 1, 1))])));
        return pledge;
    }

    private static Grant ApprovedGrant(IReadOnlyList<PlannedTranche> tranches)
    {
        var fund = new Fund();
        fund.ApplyAll(Fund.Create(Code, "Test fund", 0.13m, 0.15m, requiresUprRecommendations: false));
        var plan = Scenario.Plan([tranches.Sum(t => t.Amount)], []) with
        {
            End = new DateOnly(2025, 12, 31),
            Budget = [new PlannedBudgetLine(2025, tranches.Sum(t => t.Amount))],
            Tranches = tranches,
        };
        var grant = new Grant();
        grant.ApplyAll(Grant.Draft(GrantId.New(), fund, plan, new Dictionary<string, CountryCode>()));
        grant.ApplyAll(grant.RecordConsent("NV-1", new DateOnly(2024, 12, 1)));
        grant.ApplyAll(grant.Submit(new DateOnly(2024, 12, 2)));
        grant.ApplyAll(grant.Review(new DateOnly(2024, 12, 3), null));
        grant.ApplyAll(grant.Recommend("BoT-2024-2", new DateOnly(2024, 12, 4)));
        grant.ApplyAll(grant.Approve(fund, Rich, new DateOnly(2024, 12, 5)));
        return grant;
    }
}
