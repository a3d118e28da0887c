using System.Globalization;
using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Recommendations;
using FundManager.Reference;

namespace FundManager.Api.Demo;

/// <summary>
/// A deterministic fund at the scale of a long-lived UN trust fund, for benchmarks and for trying the reports on real
/// volumes: <see cref="ScaleDemoShape.Large"/> is 20 years, 200 donors each signing a yearly agreement paid in many
/// instalments, 5,000 grants through their whole lifecycle with 20,000 tranches, and over a million journal lines.
/// Every command goes through the ordinary command path (its grain, the rules, events, the fund's hash chain), in
/// chronological order; its clock follows the simulated days, so two loads give the same ledger to the last hash.
/// </summary>
public sealed class ScaleDemoDataSet(FundSystem system, ScaleDemoClock clock, ScaleDemoShape shape, Action<string, double> progress)
{
    public const string Fund = "UPR-SCALE";
    private static readonly string[] Currencies = ["EUR", "NOK", "SEK", "CHF", "JPY", "GBP", "AUD", "DKK", "CAD", "KRW", "KWD", "USD"];
    private readonly SortedDictionary<DateOnly, List<Func<CancellationToken, Task>>> _schedule = [];
    private readonly DemoCommand _commands = new();
    private HashSet<Guid> _done = [];

    /// <summary>
    /// Loads the fund; false when it is already complete. A load interrupted half-way resumes where it stopped: every
    /// command has a fixed id, and those the command log already holds are not sent again.
    /// </summary>
    public async Task<bool> LoadAsync(CancellationToken ct = default)
    {
        if (await CompleteAsync(ct))
        {
            return false;
        }

        _done = await RecordedCommandsAsync(ct);
        progress("exchange rates", 0);
        await system.Rates.RecordAsync(DemoRates.Between(shape.FirstYear - 1, shape.LastYear + 1), ct);
        var donors = Donors();
        var countries = GrantCountries();
        var setUp = new DateOnly(shape.FirstYear, 1, 1);
        On(setUp, new CreateFund(Fund, "Scale demonstration fund for UPR implementation", RequiresUprRecommendations: true), DemoUsers.Admin, system.Funds.HandleAsync);
        foreach (var donor in donors)
        {
            On(setUp, new RegisterDonor(donor.Name, donor.Type, donor.Country, donor.Id), DemoUsers.Officer, system.Donors.HandleAsync);
        }

        foreach (var country in countries)
        {
            On(setUp, Recommendation(country), DemoUsers.Officer, system.Recommendations.HandleAsync);
        }

        for (var year = shape.FirstYear; year <= shape.LastYear; year++)
        {
            foreach (var donor in donors)
            {
                SchedulePledge(donor, year);
            }

            for (var j = 0; j < shape.GrantsPerYear; j++)
            {
                ScheduleGrant(year, j, countries[(year * 37 + j) % countries.Count]);
            }
        }

        await RunScheduleAsync(ct);
        progress("yearly sums", 0);
        await system.JournalSums.RefreshAsync(FundCode.Parse(Fund), ct);
        return true;
    }

    private async Task<bool> CompleteAsync(CancellationToken ct) =>
        await system.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new GrantId(GrantId(shape.LastYear, 0))), ct) is { Exists: true, Status: GrantStatus.Active };

    // The ids of the commands already carried out, so that a resumed load skips them without asking each grain.
    private async Task<HashSet<Guid>> RecordedCommandsAsync(CancellationToken ct)
    {
        var done = new HashSet<Guid>();
        await using var cmd = system.DataSource.CreateCommand("select command_id from commands");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            done.Add(reader.GetGuid(0));
        }

        return done;
    }

    private async Task RunScheduleAsync(CancellationToken ct)
    {
        var end = new DateOnly(shape.LastYear, 12, 31);
        var days = _schedule.Where(d => d.Key <= end).ToList();
        var total = days.Sum(d => d.Value.Count);
        var done = 0;
        foreach (var (day, actions) in days)
        {
            ct.ThrowIfCancellationRequested();
            clock.Set(day);
            foreach (var action in actions)
            {
                await action(ct);
            }

            done += actions.Count;
            progress($"{day:yyyy-MM-dd}", (double)done / total);
        }
    }

    private void SchedulePledge(ScaleDonor donor, int year)
    {
        var id = DemoIds.For("scale-pledge", $"{donor.Number}/{year}");
        var currency = CurrencyCode.Parse(donor.Currency);
        var usd = 150_000m + 5_000m * (donor.Number % 40);
        var each = Money.Round(usd * DemoRates.BaseUnitsPerUsd.GetValueOrDefault(donor.Currency, 1m) / shape.InstalmentsPerAgreement, currency);
        var first = new DateOnly(year, 1, 5);
        var instalments = Enumerable.Range(0, shape.InstalmentsPerAgreement).Select(n => new PlannedInstalment(first.AddDays(n * 6), each)).ToList();
        var (earmark, target) = (donor.Number % 20) switch
        {
            3 => (EarmarkKind.Region, Enum.GetValues<OhchrRegion>()[donor.Number / 20 % 5].ToString()),
            7 => (EarmarkKind.SdgTarget, "16.6"),
            _ => (EarmarkKind.Unearmarked, (string?)null),
        };
        On(new DateOnly(year, 1, 2), new AnnouncePledge(donor.Id, Fund, donor.Currency, each * instalments.Count, instalments, new DateOnly(year, 1, 2), earmark, target, id), DemoUsers.Officer, system.Pledges.HandleAsync);
        On(new DateOnly(year, 1, 2), new SignPledge(id, new DateOnly(year, 1, 2), $"SCALE-CA-{donor.Number}-{year}"), DemoUsers.Officer, system.Pledges.HandleAsync);
        var channel = donor.Type == DonorType.Individual ? ReceiptChannel.CardOnline : ReceiptChannel.BankTransfer;
        foreach (var (instalment, n) in instalments.Select((p, n) => (p, n + 1)))
        {
            On(instalment.DueOn, new RecordReceipt(id, $"SCALE-{donor.Number}-{year}-{n}", channel, instalment.DueOn, each, donor.Currency, [new ReceiptAllocation(n, each)]), DemoUsers.Officer, system.Pledges.HandleAsync);
        }
    }

    private void ScheduleGrant(int year, int j, Country country)
    {
        var id = GrantId(year, j);
        var drafted = new DateOnly(year, 3, 1).AddDays(j * 270 / shape.GrantsPerYear);
        var start = drafted.AddDays(14);
        var end = start.AddYears(2).AddDays(-1);
        var amount = 20_000m + 5_000m * ((j * 7 + year) % 5);
        var tranches = Enumerable.Range(0, shape.TranchesPerGrant).Select(t => new PlannedTranche(start.AddMonths(6 * t), amount)).ToList();
        var plan = new GrantPlan(
            $"National mechanism for implementation, reporting and follow-up, {country.Name}", ImplementingEntityType.NationalMechanism, country.Code.Value,
            country.OhchrRegion!.Value, $"UPR implementation support {year}-{j + 1:000}, {country.Name}",
            $"Support to {country.Name} in implementing and tracking its UPR recommendations ({year}).", start, end,
            (CooperationModality)(j % 4), [RecommendationId(country)], j % 2 == 0 ? ["16.6"] : ["16.6", "5.1"],
            tranches.GroupBy(t => t.PlannedOn.Year).Select(g => new PlannedBudgetLine(g.Key, g.Sum(t => t.Amount))).ToList(),
            tranches);

        On(drafted, new DraftGrant(Fund, plan, id), DemoUsers.Officer, system.Grants.HandleAsync);
        On(drafted, new DefineIndicator(id, "Recommendations with an implementation plan", "recommendations", 0m, 10m), DemoUsers.Officer, system.Grants.HandleAsync);
        On(drafted, new RecordConsent(id, $"Note verbale {country.Code}/{year}/{j + 1:000}", drafted), DemoUsers.Officer, system.Grants.HandleAsync);
        On(drafted, new SubmitGrant(id, drafted), DemoUsers.Officer, system.Grants.HandleAsync);
        On(drafted, new ReviewGrant(id, drafted), DemoUsers.Officer, system.Grants.HandleAsync);
        On(drafted, new RecommendGrant(id, $"BoT-{year}-{1 + j * 3 / shape.GrantsPerYear}", drafted), DemoUsers.Board, system.Grants.HandleAsync);
        On(drafted.AddDays(7), new ApproveGrant(id, drafted.AddDays(7)), DemoUsers.Approver, system.Grants.HandleAsync);
        for (var t = 1; t <= tranches.Count; t++)
        {
            var number = t;
            var paid = tranches[t - 1].PlannedOn;
            On(paid, new PrepareTranche(id, number, paid), DemoUsers.Officer, system.Grants.HandleAsync);
            On(paid, new ApproveTranche(id, number, paid), DemoUsers.Approver, system.Grants.HandleAsync);
            var reported = t < tranches.Count ? tranches[t].PlannedOn.AddDays(-20) : end.AddDays(-20);
            var report = new SubmitProgressReport(id, paid, reported.AddDays(-1), number, $"Progress on the use of tranche {number}.", [new IndicatorValue(1, 2.5m * number)], reported);
            On(reported, report, DemoUsers.Officer, system.Grants.HandleAsync);
            On(reported.AddDays(10), new AcceptProgressReport(id, number, reported.AddDays(10)), DemoUsers.Approver, system.Grants.HandleAsync);
        }

        var outcome = j % 3 == 0 ? ImplementationStatus.PartiallyImplemented : ImplementationStatus.FullyImplemented;
        On(start.AddMonths(7), new RecordRecommendationStatus(id, RecommendationId(country), ImplementationStatus.InProgress, "Implementation plan adopted", start.AddMonths(7)), DemoUsers.Officer, system.Grants.HandleAsync);
        On(end, new RecordRecommendationStatus(id, RecommendationId(country), outcome, "Final report of the national mechanism", end), DemoUsers.Officer, system.Grants.HandleAsync);
        On(end, new CompleteGrant(id, end), DemoUsers.Officer, system.Grants.HandleAsync);
        On(end.AddDays(30), new CloseGrant(id, end.AddDays(30)), DemoUsers.Approver, system.Grants.HandleAsync);
    }

    private void On<TCommand>(DateOnly day, TCommand command, string user, DemoCommand.Handler<TCommand> handle)
        where TCommand : notnull
    {
        if (!_schedule.TryGetValue(day, out var actions))
        {
            _schedule[day] = actions = [];
        }

        // Commands the log already holds stay in the schedule, so that a resumed load reports its progress over the whole.
        var context = _commands.ContextFor(command, user);
        actions.Add(ct => _done.Contains(context.Id.Value) ? Task.CompletedTask : handle(command, context, ct));
    }

    private List<ScaleDonor> Donors()
    {
        var states = CountryCatalog.Default.All.Where(c => c.UnRegionalGroup is not null).OrderBy(c => c.Code.Value, StringComparer.Ordinal).ToList();
        return Enumerable.Range(0, shape.Donors).Select(i =>
        {
            var (name, type, country) = (i * 200 / shape.Donors) switch
            {
                < 110 => (states[i % states.Count].Name, DonorType.MemberState, (string?)states[i % states.Count].Code.Value),
                < 120 => ($"Intergovernmental organisation {i - 109}", DonorType.IntergovernmentalOrganisation, null),
                < 130 => ($"United Nations entity {i - 119}", DonorType.UnEntity, null),
                < 170 => ($"Human rights foundation {i - 129}", DonorType.Foundation, null),
                < 190 => ($"Company {i - 169}", DonorType.PrivateSector, null),
                _ => ($"Individual donor {i - 189}", DonorType.Individual, null),
            };
            return new ScaleDonor(i, DemoIds.For("scale-donor", i.ToString(CultureInfo.InvariantCulture)), name, type, country, Currencies[i % Currencies.Length]);
        }).ToList();
    }

    private static List<Country> GrantCountries() =>
        CountryCatalog.Default.All.Where(c => c.OhchrRegion is not null && c.UnRegionalGroup is not null).OrderBy(c => c.Code.Value, StringComparer.Ordinal).Take(120).ToList();

    private static RegisterRecommendation Recommendation(Country country) => new(
        RecommendationId(country), country.Code.Value, [country.Code.Value == "NOR" ? "SWE" : "NOR"], 4, 40,
        $"Strengthen the national mechanism for implementation, reporting and follow-up so that it tracks every UPR recommendation {country.Name} received.",
        ["National mechanisms for implementation, reporting and follow-up"], ["16.6"], RecommendationPosition.Supported);

    private static string RecommendationId(Country country) => $"{country.Code.Value}-SCALE-1";

    private static Guid GrantId(int year, int j) => DemoIds.For("scale-grant", $"{year}/{j}");

    private sealed record ScaleDonor(int Number, Guid Id, string Name, DonorType Type, string? Country, string Currency);
}
