using FundManager.Donors;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Recommendations;

namespace FundManager.Tests.Infrastructure;

/// <summary>Builds the situations tests start from, through the same commands people use.</summary>
public sealed class Scenario(FundSystem system)
{
    public const string Officer = "officer@test.org";
    public const string Approver = "approver@test.org";

    /// <summary>Rates effective 2024-01-01, 2024-07-01 and 2025-01-01 (units per USD).</summary>
    public static readonly (string Currency, DateOnly On, decimal Rate)[] Rates =
    [
        ("EUR", new(2024, 1, 1), 0.9000m), ("EUR", new(2024, 7, 1), 0.9500m), ("EUR", new(2025, 1, 1), 0.8000m),
        ("JPY", new(2024, 1, 1), 140m), ("JPY", new(2024, 7, 1), 150m), ("JPY", new(2025, 1, 1), 160m),
        ("KWD", new(2024, 1, 1), 0.3000m), ("KWD", new(2024, 7, 1), 0.3100m), ("KWD", new(2025, 1, 1), 0.3050m),
        ("NOK", new(2024, 1, 1), 10m), ("NOK", new(2024, 7, 1), 11m), ("NOK", new(2025, 1, 1), 10.5m),
    ];

    public FundSystem System => system;

    public static CommandContext As(string user) => CommandContext.By(user);

    public async Task RatesAsync() =>
        await system.Rates.RecordAsync(Rates.Select(r => new ExchangeRate(CurrencyCode.Parse(r.Currency), r.Rate, r.On)));

    public async Task<FundCode> FundAsync(bool requiresUpr = false, decimal pscRate = 0.13m, decimal reserveRate = 0.15m)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await system.Funds.HandleAsync(new CreateFund(code, $"Test fund {code}", pscRate, reserveRate, requiresUpr), As(Officer));
        await RatesAsync();
        return FundCode.Parse(code);
    }

    public async Task<Guid> DonorAsync(string name = "Norway", DonorType type = DonorType.MemberState, string? country = "NOR")
    {
        var id = Guid.NewGuid();
        await system.Donors.HandleAsync(new RegisterDonor(name, type, country, id), As(Officer));
        return id;
    }

    /// <summary>A signed pledge with the given instalments, signed on <paramref name="signedOn"/> (default 2024-02-01).</summary>
    public async Task<Guid> SignedPledgeAsync(FundCode fund, string currency, (DateOnly Due, decimal Amount)[] instalments, DateOnly? signedOn = null, Guid? donor = null)
    {
        var donorId = donor ?? await DonorAsync();
        var id = Guid.NewGuid();
        await system.Pledges.HandleAsync(
            new AnnouncePledge(donorId, fund.Value, currency, instalments.Sum(i => i.Amount), instalments.Select(i => new PlannedInstalment(i.Due, i.Amount)).ToList(), new DateOnly(2024, 1, 10), Id: id),
            As(Officer));
        await system.Pledges.HandleAsync(new SignPledge(id, signedOn ?? new DateOnly(2024, 2, 1), "CA-1"), As(Officer));
        return id;
    }

    /// <summary>Puts <paramref name="usd"/> of cash into the fund, as an unpledged receipt.</summary>
    public async Task CashAsync(FundCode fund, decimal usd)
    {
        var donor = await DonorAsync("Cash donor", DonorType.Foundation, null);
        await system.Pledges.HandleAsync(
            new RecordUnpledgedReceipt(donor, fund.Value, "CASH-" + Guid.NewGuid().ToString("N"), ReceiptChannel.BankTransfer, new DateOnly(2024, 3, 1), usd, "USD"),
            As(Officer));
    }

    /// <summary>A registered UPR recommendation made to <paramref name="country"/>; returns its id.</summary>
    public async Task<string> RecommendationAsync(string country = "PRY")
    {
        var id = $"{country}-{Guid.NewGuid().ToString("N")[..8]}";
        await system.Recommendations.HandleAsync(
            new RegisterRecommendation(id, country, ["NOR"], 4, 43, "Strengthen the national mechanism for implementation, reporting and follow-up", ["National mechanisms"], ["16.6"], RecommendationPosition.Supported),
            As(Officer));
        return id;
    }

    public static GrantPlan Plan(decimal[] perYear, IReadOnlyList<string> recommendations, string country = "PRY", OhchrRegion region = OhchrRegion.Americas) =>
        new(
            "SIMORE national mechanism",
            ImplementingEntityType.NationalMechanism,
            country,
            region,
            "Strengthening SIMORE",
            "Support to the national recommendations monitoring system.",
            new DateOnly(2025, 1, 1),
            new DateOnly(2025 + perYear.Length - 1, 12, 31),
            CooperationModality.SouthSouth,
            recommendations,
            ["16.6"],
            perYear.Select((a, i) => new PlannedBudgetLine(2025 + i, a)).ToList(),
            perYear.Select((a, i) => new PlannedTranche(new DateOnly(2025 + i, 3, 1), a)).ToList());

    /// <summary>A grant recommended by the Board, with consent on file unless told otherwise, one tranche per budget year.</summary>
    public async Task<Guid> RecommendedGrantAsync(FundCode fund, decimal[] perYear, bool consent = true)
    {
        var id = Guid.NewGuid();
        var recommendation = await RecommendationAsync();
        await system.Grants.HandleAsync(new DraftGrant(fund.Value, Plan(perYear, [recommendation]), id), As(Officer));
        if (consent)
        {
            await system.Grants.HandleAsync(new RecordConsent(id, "NV-123", new DateOnly(2024, 10, 1)), As(Officer));
        }

        await system.Grants.HandleAsync(new SubmitGrant(id, new DateOnly(2024, 10, 2)), As(Officer));
        await system.Grants.HandleAsync(new ReviewGrant(id, new DateOnly(2024, 10, 3)), As(Officer));
        await system.Grants.HandleAsync(new RecommendGrant(id, "BoT-2024-2", new DateOnly(2024, 10, 10)), As(Officer));
        return id;
    }

    public async Task<Guid> ApprovedGrantAsync(FundCode fund, decimal[] perYear)
    {
        var id = await RecommendedGrantAsync(fund, perYear);
        await system.Grants.HandleAsync(new ApproveGrant(id, new DateOnly(2024, 11, 1)), As(Approver));
        return id;
    }

    /// <summary>Prepares (officer) and approves (approver) a tranche.</summary>
    public async Task PayTrancheAsync(Guid grant, int number, DateOnly on)
    {
        await system.Grants.HandleAsync(new PrepareTranche(grant, number, on), As(Officer));
        await system.Grants.HandleAsync(new ApproveTranche(grant, number, on), As(Approver));
    }

    /// <summary>Submits and accepts a progress report on <paramref name="tranche"/>.</summary>
    public async Task AcceptedReportAsync(Guid grant, int tranche)
    {
        var result = await system.Grants.HandleAsync(
            new SubmitProgressReport(grant, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), tranche, "Workshops held.", [], new DateOnly(2026, 1, 15)), As(Officer));
        var g = await GrantAsync(grant);
        await system.Grants.HandleAsync(new AcceptProgressReport(grant, g.ProgressReports.Max(r => r.Number), new DateOnly(2026, 1, 20)), As(Approver));
        _ = result;
    }

    public Task<Grant> GrantAsync(Guid id) => system.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new GrantId(id)));

    public Task<Pledge> PledgeAsync(Guid id) => system.Entities.LoadAsync<Pledge, PledgeEvent>(StreamId.For(new PledgeId(id)));

    public async Task<decimal> BalanceAsync(FundCode fund, global::FundManager.Ledger.Account account) => (await system.Ledger.TrialBalanceAsync(fund)).BalanceOf(account);
}
