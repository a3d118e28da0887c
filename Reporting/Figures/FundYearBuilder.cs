using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Reference;

namespace FundManager.Reporting.Figures;

/// <summary>
/// Computes <see cref="FundYearFigures"/>: money from the ledger (trial balances and each entity's postings), everything
/// else from the entities. Reads only. Entities are replayed only where their detail is shown: every grant of the fund,
/// and the pledges that are open or fall due in the years the schedule shows; money is attributed to donors through
/// the pledge listings, without replaying the pledges' histories.
/// </summary>
public sealed partial class FundYearBuilder(FundSystem system)
{
    /// <summary>How many years the pledge schedule shows: the report year and the four after.</summary>
    public const int ScheduleLength = 5;

    public async Task<FundYearFigures> BuildAsync(FundCode code, ReportPeriod period, CancellationToken ct = default)
    {
        var fund = await system.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(code), ct);
        if (!fund.Exists)
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {code}.", "fund", ("fund", code.Value));
        }

        // The ledger's aggregate runs in the database while the grants' histories are read and replayed here.
        var activity = system.Ledger.StreamActivityAsync(code, period.Start, period.End, ct);
        var donors = system.Entities.AllAsync<Donor, DonorEvent>(EntityKind.Donor, ct: ct);
        var histories = system.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant, code, ct);
        var listings = system.Entities.ListingsAsync(new ListingQuery(EntityKind.Pledge, int.MaxValue) { Fund = code }, ct);
        var scheduleYears = Enumerable.Range(period.End.Year, ScheduleLength).ToList();
        var signed = SignedPledgesAsync(activity, listings, period, scheduleYears, ct);
        await Task.WhenAll(activity, donors, histories, listings, signed);
        var data = new Data(
            period,
            activity.Result,
            donors.Result.ToDictionary(d => d.Id.Value),
            histories.Result,
            listings.Result.ToDictionary(l => l.Stream.ToString()));

        // Both trial balances from the same postings: every line dated by the end, less those within the period for the opening.
        var closing = TrialBalanceOf(code, period.End, data.Activity, a => (a.DebitToDate, a.CreditToDate));
        var opening = period.Start == DateOnly.MinValue
            ? null
            : TrialBalanceOf(code, period.Start.AddDays(-1), data.Activity, a => (a.DebitToDate - a.DebitInPeriod, a.CreditToDate - a.CreditInPeriod));
        var profile = new FundProfile(fund.Code.Value, fund.Name, fund.PscRate, fund.ReserveRate, fund.RequiresUprRecommendations);
        var pledges = PledgeSchedules(data, signed.Result, scheduleYears);
        var grants = GrantLines(data, fund);
        var disbursements = Disbursements(data);
        return new FundYearFigures(
            profile,
            period,
            system.Clock.GetUtcNow(),
            Statement(data, opening, closing, fund.ReserveRate),
            Contributions(data, cumulative: false),
            Contributions(data, cumulative: true),
            scheduleYears,
            pledges,
            Predictability(data, pledges, scheduleYears),
            grants,
            disbursements,
            await RecommendationChangesAsync(data, ct),
            Indicators(data),
            Distribution(data, disbursements),
            closing);
    }

    private static IncomeStatement Statement(Data data, TrialBalance? opening, TrialBalance closing, decimal reserveRate)
    {
        decimal InPeriod(Account account) => data.Activity.Where(a => a.Account == account).Sum(a => a.BalanceInPeriod);
        static decimal NetAssets(TrialBalance? t) =>
            t is null ? 0m : t.BalanceOf(Account.Cash) + t.BalanceOf(Account.ContributionsReceivable) + t.BalanceOf(Account.PscPayable);

        var byRegion = data.Activity
            .Where(a => a.Account == Account.GrantExpense)
            .GroupBy(a => data.GrantOf(a.SourceStream) is { } g ? OhchrRegions.DisplayName(g.Details.Region) : "Not attributed to a grant")
            .Select(g => new RegionAmount(g.Key, g.Sum(a => a.BalanceInPeriod)))
            .Where(r => r.Amount != 0m);
        var regions = Enum.GetValues<OhchrRegion>().Select(OhchrRegions.DisplayName)
            .Select(name => byRegion.FirstOrDefault(r => r.Region == name) ?? new RegionAmount(name, 0m))
            .Concat(byRegion.Where(r => !Enum.GetValues<OhchrRegion>().Select(OhchrRegions.DisplayName).Contains(r.Region)))
            .ToList();

        var cash = closing.BalanceOf(Account.Cash);
        var pscPayable = -closing.BalanceOf(Account.PscPayable);
        var commitments = closing.BalanceOf(Account.OpenCommitments);

        // The uncommitted-funds rule: available cash ≥ (open commitments + new commitment) × (1 + reserve). What can still be
        // committed is rounded down to the cent, and the reserve is what remains, so the three add up to available cash exactly.
        var available = cash - pscPayable;
        var room = decimal.Floor((available / (1m + reserveRate) - commitments) * 100m) / 100m;
        var forNewGrants = Math.Max(0m, room);
        return new IncomeStatement(
            NetAssets(opening),
            -InPeriod(Account.ContributionRevenue),
            -InPeriod(Account.ExchangeGainsAndLosses),
            regions,
            InPeriod(Account.PscExpense),
            InPeriod(Account.ContributionsWrittenOff),
            InPeriod(Account.BankCharges),
            NetAssets(closing),
            cash,
            closing.BalanceOf(Account.ContributionsReceivable),
            pscPayable,
            commitments,
            reserveRate,
            available - commitments - forNewGrants,
            forNewGrants);
    }

    private static TrialBalance TrialBalanceOf(FundCode fund, DateOnly asOf, IReadOnlyList<StreamActivity> activity, Func<StreamActivity, (decimal Debit, decimal Credit)> side)
    {
        var totals = activity.GroupBy(a => a.Account).ToDictionary(g => g.Key, g => (Debit: g.Sum(a => side(a).Debit), Credit: g.Sum(a => side(a).Credit)));
        return new TrialBalance(fund, asOf, Enum.GetValues<Account>()
            .Select(a => totals.TryGetValue(a, out var t) ? new TrialBalanceRow(a, t.Debit, t.Credit) : new TrialBalanceRow(a, 0m, 0m))
            .ToList());
    }

    /// <summary>What every part of the computation reads, loaded once.</summary>
    private sealed class Data(
        ReportPeriod period,
        IReadOnlyList<StreamActivity> activity,
        IReadOnlyDictionary<Guid, Donor> donors,
        IReadOnlyList<Grant> grants,
        IReadOnlyDictionary<string, StreamListing> pledges)
    {
        private readonly Dictionary<string, Grant> _grantsByStream = grants.ToDictionary(g => StreamId.For(g.Id).ToString(), StringComparer.Ordinal);

        public ReportPeriod Period => period;

        public IReadOnlyList<StreamActivity> Activity => activity;

        public IReadOnlyDictionary<Guid, Donor> Donors => donors;

        public IReadOnlyList<Grant> Grants => grants;

        /// <summary>The fund's pledges as listed (donor, status, years), by stream id.</summary>
        public IReadOnlyDictionary<string, StreamListing> Pledges => pledges;

        public Grant? GrantOf(string stream) => _grantsByStream.GetValueOrDefault(stream);
    }
}
