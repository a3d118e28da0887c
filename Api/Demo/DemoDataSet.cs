using FundManager.Common;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Reference;
using Npgsql;

namespace FundManager.Api.Demo;

/// <summary>
/// A deterministic, realistic data set: the three funds, 31 donors of every type, multi-year pledges
/// 2021–2027 in eleven currencies, receipts with exchange differences, UPR recommendations, and 45 grants
/// in all five regions and every lifecycle state, with tranches, progress reports and recommendation statuses.
/// Every command has a fixed id, so an interrupted load completes when run again and nothing posts twice.
/// </summary>
public sealed class DemoDataSet(FundSystem system, Action<string> log)
{
    private static readonly CreateFund[] Funds =
    [
        new("VFTC", "United Nations Voluntary Fund for Technical Cooperation in the Field of Human Rights"),
        new("UPR-VFTA", "Voluntary Fund for Financial and Technical Assistance in the Implementation of the Universal Periodic Review"),
        new("UPR-VFP", "Voluntary Trust Fund to Facilitate the Participation of Developing Countries in the Universal Periodic Review"),
    ];

    private readonly DemoCommand _commands = new();

    /// <summary>Loads the set; returns false, changing nothing, when the database already holds other data.</summary>
    public async Task<bool> LoadAsync(CancellationToken ct = default)
    {
        if (await HoldsOtherDataAsync(ct))
        {
            return false;
        }

        log("Loading demo data: exchange rates ...");
        await system.Rates.RecordAsync(DemoRates.All(), ct);
        log("Loading demo data: funds, donors and recommendations ...");
        await FundsAsync(ct);
        foreach (var donor in DemoDonor.All)
        {
            await _commands.SendAsync(new Donors.RegisterDonor(donor.Name, donor.Type, donor.Country, donor.Id), DemoUsers.Officer, system.Donors.HandleAsync, ct);
        }

        for (var i = 0; i < DemoGrant.All.Count; i++)
        {
            foreach (var recommendation in DemoRecommendations.For(DemoGrant.All[i].Country, i))
            {
                await _commands.SendAsync(recommendation, DemoUsers.Officer, system.Recommendations.HandleAsync, ct);
            }
        }

        log("Loading demo data: pledges and receipts ...");
        await PledgesAsync(ct);
        log("Loading demo data: grants, tranches and results ...");
        foreach (var grant in DemoGrant.All)
        {
            await GrantAsync(grant, ct);
        }

        foreach (var fund in Funds)
        {
            await system.JournalSums.RefreshAsync(FundCode.Parse(fund.Code), ct);
        }

        return true;
    }

    private async Task<bool> HoldsOtherDataAsync(CancellationToken ct)
    {
        await using var connection = await system.DataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select exists (select 1 from streams) and not exists (select 1 from commands where command_id = $1)", connection);
        cmd.Parameters.Add(new() { Value = DemoCommand.IdOf(Funds[0]).Value });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task FundsAsync(CancellationToken ct)
    {
        foreach (var fund in Funds)
        {
            await _commands.SendAsync(fund, DemoUsers.Admin, system.Funds.HandleAsync, ct);
        }
    }

    private async Task PledgesAsync(CancellationToken ct)
    {
        string[] funds = ["VFTC", "UPR-VFTA", "UPR-VFP"];
        for (var i = 0; i < DemoDonor.All.Count; i++)
        {
            var donor = DemoDonor.All[i];
            if (donor.Type == Donors.DonorType.Individual)
            {
                // Individuals give online, without a pledge: each gift is a signed pledge paid at once.
                for (var year = 2022; year <= 2026; year++)
                {
                    await _commands.SendAsync(new RecordUnpledgedReceipt(donor.Id, funds[(i + year) % 3], $"CARD-{donor.Key}-{year}", ReceiptChannel.CardOnline, new DateOnly(year, 12, 10), 250m + 50m * (year - 2022), "USD"), DemoUsers.Officer, system.Pledges.HandleAsync, ct);
                }

                continue;
            }

            // Every donor pledges to two funds, so each fund has several multi-year donors.
            for (var k = 0; k < 2; k++)
            {
                await PledgeAsync(donor, i, funds[(i + k) % 3], k, ct);
            }
        }
    }

    private async Task PledgeAsync(DemoDonor donor, int index, string fund, int k, CancellationToken ct)
    {
        var currency = CurrencyCode.Parse(donor.Currency);
        var start = 2021 + ((index + k) % 3);
        var end = Math.Min(2027, start + 3 + (index % 3));
        var usdPerYear = 40_000m + 15_000m * ((index * 7 + k * 3) % 9);
        var unitsPerUsd = DemoRates.BaseUnitsPerUsd.GetValueOrDefault(donor.Currency, 1m);
        var step = currency.MinorUnits == 0 ? 1_000_000m : 1_000m;
        var perYear = decimal.Round(usdPerYear * unitsPerUsd / step, 0) * step;
        var instalments = Enumerable.Range(start, end - start + 1).Select(y => new PlannedInstalment(new DateOnly(y, 3, 31), perYear)).ToList();
        var total = perYear * instalments.Count;
        EarmarkKind earmark = EarmarkKind.Unearmarked;
        string? target = null;
        switch (donor.Key)
        {
            case "switzerland" when k == 0:
                (earmark, target) = (EarmarkKind.Region, nameof(OhchrRegion.Americas));
                break;
            case "japan" when k == 0:
                (earmark, target) = (EarmarkKind.Region, nameof(OhchrRegion.AsiaPacific));
                break;
            case "european-union" when k == 1:
                (earmark, target) = (EarmarkKind.SdgTarget, "16.3");
                break;
            case "paraguay" when k == 0:
                (earmark, target) = (EarmarkKind.Country, "PRY");
                break;
        }

        var id = DemoIds.For("pledge", $"{donor.Key}/{k}");
        await _commands.SendAsync(new AnnouncePledge(donor.Id, fund, donor.Currency, total, instalments, new DateOnly(start - 1, 11, 15), earmark, target, id), DemoUsers.Officer, system.Pledges.HandleAsync, ct);

        // Canada's second pledge is announced at a pledging conference but not yet signed.
        if (donor.Key == "canada" && k == 1)
        {
            return;
        }

        await _commands.SendAsync(new SignPledge(id, new DateOnly(start, 1, 15), $"CA-{donor.Key.ToUpperInvariant()}-{start}"), DemoUsers.Officer, system.Pledges.HandleAsync, ct);
        if (donor.Key == "germany" && k == 0)
        {
            var increased = instalments.Select((p, n) => p with { Number = n + 1, Amount = p.DueOn.Year == end ? p.Amount + 500_000m : p.Amount }).ToList();
            await _commands.SendAsync(new AmendPledge(id, increased, "Additional contribution announced at the Human Rights Council", new DateOnly(end - 1, 6, 1)), DemoUsers.Officer, system.Pledges.HandleAsync, ct);
        }

        var cutoff = new DateOnly(2026, 6, 30);
        foreach (var (instalment, n) in instalments.Select((p, n) => (p, n + 1)).Where(x => x.p.DueOn <= cutoff))
        {
            var received = instalment.DueOn.AddDays(10 + (index * 3 % 40));
            var amount = instalment.Amount;

            // One donor pays its latest instalment in two parts.
            if (donor.Key == "sweden" && instalment.DueOn.Year == 2026)
            {
                amount = decimal.Round(amount / 2, currency.MinorUnits);
            }

            await _commands.SendAsync(new RecordReceipt(id, $"BANK-{donor.Key}-{k}-{n}", ReceiptChannel.BankTransfer, received, amount, donor.Currency, [new ReceiptAllocation(n, amount)]), DemoUsers.Officer, system.Pledges.HandleAsync, ct);
        }

        if (donor.Key == "global-telecom" && k == 1)
        {
            await _commands.SendAsync(new CancelPledge(id, new DateOnly(2026, 8, 1), "The company withdrew its sponsorship programme"), DemoUsers.Officer, system.Pledges.HandleAsync, ct);
        }
        else if (donor.Key == "fondation-dignite" && k == 1)
        {
            await _commands.SendAsync(new WriteOffPledge(id, new DateOnly(2026, 9, 30), "The foundation was dissolved; the remaining instalments are uncollectible"), DemoUsers.Officer, system.Pledges.HandleAsync, ct);
        }
    }

    private async Task GrantAsync(DemoGrant g, CancellationToken ct)
    {
        var country = CountryCatalog.Default.Get(CountryCode.Parse(g.Country));
        var start = new DateOnly(g.StartYear, 1, 1);
        var years = Enumerable.Range(g.StartYear, 3).ToList();
        var perYear = 40_000m + 5_000m * (g.Number * 7 % 12);
        var plan = new GrantPlan(
            $"{g.EntityName}, {country.Name}",
            g.EntityType,
            g.Country,
            country.OhchrRegion!.Value,
            $"Strengthening the implementation of UPR recommendations in {country.Name}",
            $"Technical cooperation with {g.EntityName} to implement and track the recommendations {country.Name} received in the fourth UPR cycle, "
            + "building on the national recommendations-tracking database.",
            start,
            new DateOnly(g.StartYear + 2, 12, 31),
            g.Modality,
            [DemoRecommendations.IdFor(g.Country, 1), DemoRecommendations.IdFor(g.Country, 2)],
            ["16.6", "17.18"],
            years.Select(y => new PlannedBudgetLine(y, perYear)).ToList(),
            years.Select(y => new PlannedTranche(new DateOnly(y, 3, 1), perYear)).ToList());
        var id = g.Id;
        await _commands.SendAsync(new DraftGrant(g.Fund, plan, id), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        await _commands.SendAsync(new DefineIndicator(id, "UPR recommendations with an implementation plan", "recommendations", 0m, 20m), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        await _commands.SendAsync(new DefineIndicator(id, "Officials trained in reporting and follow-up", "people", 0m, 120m), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        if (g.End == DemoGrantEnd.Draft)
        {
            return;
        }

        await _commands.SendAsync(new RecordConsent(id, $"Note verbale {g.Country}/{g.StartYear - 1}/{g.Number:000}", start.AddDays(-120)), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        await _commands.SendAsync(new SubmitGrant(id, start.AddDays(-100)), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        if (g.End == DemoGrantEnd.Submitted)
        {
            return;
        }

        if (g.End == DemoGrantEnd.CancelledBeforeApproval)
        {
            await _commands.SendAsync(new CancelGrant(id, start.AddDays(-90), "The Government requested to postpone the project"), DemoUsers.Officer, system.Grants.HandleAsync, ct);
            return;
        }

        await _commands.SendAsync(new ReviewGrant(id, start.AddDays(-80), "Budget and results framework reviewed by the secretariat"), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        if (g.End == DemoGrantEnd.Reviewed)
        {
            return;
        }

        if (g.End == DemoGrantEnd.Rejected)
        {
            await _commands.SendAsync(new RejectGrant(id, start.AddDays(-60), "Duplicates activities already funded by another partner"), DemoUsers.Approver, system.Grants.HandleAsync, ct);
            return;
        }

        await _commands.SendAsync(new RecommendGrant(id, $"BoT-{g.StartYear - 1}-2", start.AddDays(-60)), DemoUsers.Board, system.Grants.HandleAsync, ct);
        if (g.End == DemoGrantEnd.Recommended)
        {
            return;
        }

        await _commands.SendAsync(new ApproveGrant(id, start.AddDays(-45)), DemoUsers.Approver, system.Grants.HandleAsync, ct);
        if (g.End == DemoGrantEnd.Approved)
        {
            return;
        }

        await PayAsync(id, 1, new DateOnly(years[0], 3, 1), ct);
        if (g.End == DemoGrantEnd.CancelledAfterApproval)
        {
            await _commands.SendAsync(new CancelGrant(id, new DateOnly(years[0], 9, 30), "Implementation suspended by mutual agreement"), DemoUsers.Approver, system.Grants.HandleAsync, ct);
            return;
        }

        await StatusAsync(id, g.Country, 1, ImplementationStatus.InProgress, new DateOnly(years[0], 12, 31), ct);
        if (g.End == DemoGrantEnd.ActiveFirstTranche)
        {
            return;
        }

        if (g.End == DemoGrantEnd.ActiveReportReturned)
        {
            await ReportAsync(id, 1, years[0], returnFirst: true, ct);
            return;
        }

        await ReportAsync(id, 1, years[0], returnFirst: false, ct);
        if (g.End == DemoGrantEnd.ActiveSecondPending)
        {
            await _commands.SendAsync(new PrepareTranche(id, 2, new DateOnly(years[1], 3, 1)), DemoUsers.Officer, system.Grants.HandleAsync, ct);
            return;
        }

        if (g.End == DemoGrantEnd.ActiveSecondRejectedThenPaid)
        {
            await _commands.SendAsync(new PrepareTranche(id, 2, new DateOnly(years[1], 3, 1), perYear + 5_000m), DemoUsers.Officer, system.Grants.HandleAsync, ct);
            await _commands.SendAsync(new RejectTranche(id, 2, new DateOnly(years[1], 3, 3), "The amount differs from the approved schedule"), DemoUsers.Approver, system.Grants.HandleAsync, ct);
        }

        if (g.End == DemoGrantEnd.ActiveBudgetIncreased)
        {
            var budget = years.Select(y => new PlannedBudgetLine(y, y == years[2] ? perYear + 20_000m : perYear)).ToList();
            var tranches = years.Select(y => new PlannedTranche(new DateOnly(y, 3, 1), y == years[2] ? perYear + 20_000m : perYear)).ToList();
            await _commands.SendAsync(new ReviseGrantBudget(id, budget, tranches, "Extension of the training programme to two more provinces", new DateOnly(years[1], 1, 20)), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        }

        await PayAsync(id, 2, new DateOnly(years[1], 3, 1), ct);
        await StatusAsync(id, g.Country, 1, ImplementationStatus.PartiallyImplemented, new DateOnly(years[1], 12, 31), ct);
        await StatusAsync(id, g.Country, 2, ImplementationStatus.InProgress, new DateOnly(years[1], 12, 31), ct);
        if (g.End is DemoGrantEnd.ActiveSecondRejectedThenPaid or DemoGrantEnd.ActiveBudgetIncreased)
        {
            return;
        }

        await ReportAsync(id, 2, years[1], returnFirst: false, ct);
        if (g.End != DemoGrantEnd.ClosedWithRelease)
        {
            await PayAsync(id, 3, new DateOnly(years[2], 3, 1), ct);
            await StatusAsync(id, g.Country, 1, ImplementationStatus.FullyImplemented, new DateOnly(years[2], 12, 31), ct);
        }

        await _commands.SendAsync(new CompleteGrant(id, new DateOnly(years[2], 12, 31)), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        if (g.End == DemoGrantEnd.Completed)
        {
            return;
        }

        await _commands.SendAsync(new CloseGrant(id, new DateOnly(years[2] + 1, 3, 31)), DemoUsers.Approver, system.Grants.HandleAsync, ct);
    }

    private async Task PayAsync(Guid grant, int tranche, DateOnly on, CancellationToken ct)
    {
        await _commands.SendAsync(new PrepareTranche(grant, tranche, on), DemoUsers.Officer, system.Grants.HandleAsync, ct);
        await _commands.SendAsync(new ApproveTranche(grant, tranche, on.AddDays(5)), DemoUsers.Approver, system.Grants.HandleAsync, ct);
    }

    private async Task ReportAsync(Guid grant, int tranche, int year, bool returnFirst, CancellationToken ct)
    {
        var submitted = new DateOnly(year + 1, 2, 1);
        IndicatorValue[] values = [new(1, 5m * tranche + 3m), new(2, 35m * tranche)];
        var report = new SubmitProgressReport(grant, new DateOnly(year, 3, 1), new DateOnly(year, 12, 31), tranche,
            $"Progress in {year}: workshops held with line ministries; recommendations clustered and assigned to responsible institutions in the tracking database.",
            values, submitted);
        await _commands.SendAsync(report, DemoUsers.Officer, system.Grants.HandleAsync, ct);
        var number = tranche;
        if (returnFirst)
        {
            await _commands.SendAsync(new ReturnProgressReport(grant, number, submitted.AddDays(10), "Please add the sex-disaggregated training figures."), DemoUsers.Approver, system.Grants.HandleAsync, ct);
            return;
        }

        await _commands.SendAsync(new AcceptProgressReport(grant, number, submitted.AddDays(10)), DemoUsers.Approver, system.Grants.HandleAsync, ct);
    }

    private Task StatusAsync(Guid grant, string country, int n, ImplementationStatus status, DateOnly asOf, CancellationToken ct) =>
        _commands.SendAsync(new RecordRecommendationStatus(grant, DemoRecommendations.IdFor(country, n), status, $"Government report and the national tracking database, {asOf:MMMM yyyy}", asOf), DemoUsers.Officer, system.Grants.HandleAsync, ct);
}
