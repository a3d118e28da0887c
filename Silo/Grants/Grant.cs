using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Finance;

namespace FundManager.Grants;

/// <summary>
/// A grant from a fund to a UPR implementation project. Lifecycle: draft → submitted → reviewed →
/// recommended by the Board of Trustees → approved → active (first tranche paid) → completed → closed;
/// or rejected / cancelled. Approval commits the direct budget plus PSC; tranches are paid under
/// segregation of duties.
/// </summary>
public sealed partial class Grant : Entity<GrantEvent>, IListed
{
    private readonly List<BudgetLine> _budget = [];
    private readonly List<Tranche> _tranches = [];
    private readonly List<Indicator> _indicators = [];
    private readonly List<ProgressReport> _reports = [];
    private readonly List<RecommendationProgress> _recommendationProgress = [];

    public GrantId Id { get; private set; }

    public FundCode Fund { get; private set; }

    public GrantDetails Details { get; private set; } = null!;

    public GrantStatus Status { get; private set; }

    public Consent? Consent { get; private set; }

    public string? BoardSession { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>The PSC rate fixed at approval (the fund's rate then); null before approval.</summary>
    public decimal? PscRate { get; private set; }

    /// <summary>PSC committed on the direct budget at <see cref="PscRate"/>; zero before approval.</summary>
    public Money CommittedPsc { get; private set; } = Money.Usd(0m);

    /// <summary>What the fund committed: direct budget plus PSC, as approved and revised; zero before approval.</summary>
    public Money Commitment { get; private set; } = Money.Usd(0m);

    public Money Disbursed { get; private set; } = Money.Usd(0m);

    public Money PscCharged { get; private set; } = Money.Usd(0m);

    /// <summary>Commitment released when the grant was closed or cancelled.</summary>
    public Money Released { get; private set; } = Money.Usd(0m);

    public IReadOnlyList<BudgetLine> Budget => _budget;

    public IReadOnlyList<Tranche> Tranches => _tranches;

    public IReadOnlyList<Indicator> Indicators => _indicators;

    public IReadOnlyList<ProgressReport> ProgressReports => _reports;

    public IReadOnlyList<RecommendationProgress> RecommendationProgress => _recommendationProgress;

    public Money DirectBudget => Money.Sum(_budget.Select(b => b.Amount), CurrencyCode.Usd);

    /// <summary>What approval still commits the fund to: commitment less disbursements, PSC charged and releases.</summary>
    public Money OpenCommitment => Commitment - Disbursed - PscCharged - Released;

    public Money UndisbursedDirect => DirectBudget - Disbursed;

    public bool IsCommitted => Status is GrantStatus.Approved or GrantStatus.Active or GrantStatus.Completed;

    /// <summary>The latest implementation status of each recommendation the grant serves.</summary>
    public IReadOnlyDictionary<string, ImplementationStatus> CurrentRecommendationStatus =>
        Details.Recommendations.ToDictionary(
            r => r,
            r => _recommendationProgress.LastOrDefault(p => p.Recommendation == r)?.Status ?? ImplementationStatus.NotStarted,
            StringComparer.Ordinal);

    public Listing Listing => new(
        Status: Status.ToString(), Category: Details.Modality.ToString(), Country: Details.Country.Value, Region: Details.Region.ToString(),
        Years: Enumerable.Range(Details.Period.Start.Year, Details.Period.End.Year - Details.Period.Start.Year + 1).ToList(), Label: Details.Title,
        Awaiting: AwaitedStep?.ToString());

    protected override void When(GrantEvent @event)
    {
        switch (@event)
        {
            case GrantDrafted e:
                Id = e.Id;
                Fund = e.Fund;
                SetPlan(e.Details, e.Budget, e.Tranches);
                Status = GrantStatus.Draft;
                break;
            case GrantDraftRevised e:
                SetPlan(e.Details, e.Budget, e.Tranches);
                break;
            case ConsentRecorded e:
                Consent = e.Consent;
                break;
            case GrantSubmitted:
                Status = GrantStatus.Submitted;
                break;
            case GrantReviewed:
                Status = GrantStatus.Reviewed;
                break;
            case GrantRecommended e:
                BoardSession = e.BoardSession;
                Status = GrantStatus.Recommended;
                break;
            case GrantApproved e:
                ApprovedOn = e.On;
                PscRate = e.PscRate;
                CommittedPsc = e.Psc;
                Commitment = e.Commitment;
                Status = GrantStatus.Approved;
                break;
            case GrantRejected:
                Status = GrantStatus.Rejected;
                break;
            case GrantCancelled e:
                Released += e.Released;
                Status = GrantStatus.Cancelled;
                break;
            case GrantCompleted:
                Status = GrantStatus.Completed;
                break;
            case GrantClosed e:
                Released += e.Released;
                Status = GrantStatus.Closed;
                break;
            case GrantBudgetRevised e:
                ApplyRevision(e);
                break;
            case TranchePrepared e:
                ReplaceTranche(e.Number, t => t with { State = TrancheState.Prepared, PreparedAmount = e.Amount, PreparedBy = e.By, PreparedOn = e.On });
                break;
            case TrancheApproved e:
                ReplaceTranche(e.Number, t => t with { State = TrancheState.Paid, PaidAmount = e.Amount, Psc = e.Psc, ApprovedBy = e.By, PaidOn = e.On });
                Disbursed += e.Amount;
                PscCharged += e.Psc;
                Status = GrantStatus.Active;
                break;
            case TrancheRejected e:
                ReplaceTranche(e.Number, t => t with { State = TrancheState.Planned, PreparedAmount = null, PreparedBy = null, PreparedOn = null });
                break;
            case IndicatorDefined e:
                _indicators.Add(e.Indicator);
                break;
            case ProgressReportSubmitted e:
                _reports.RemoveAll(r => r.Number == e.Number);
                _reports.Add(new ProgressReport(e.Number, e.PeriodStart, e.PeriodEnd, e.CoversTranche, e.Narrative, e.Values, ProgressReportStatus.Submitted, e.By));
                break;
            case ProgressReportAccepted e:
                ReplaceReport(e.Number, r => r with { Status = ProgressReportStatus.Accepted });
                break;
            case ProgressReportReturned e:
                ReplaceReport(e.Number, r => r with { Status = ProgressReportStatus.Returned, Comments = e.Comments });
                break;
            case RecommendationStatusChanged e:
                _recommendationProgress.Add(new RecommendationProgress(e.Recommendation, e.Status, e.Evidence, e.AsOf, e.By));
                break;
            default:
                throw new InvalidOperationException($"Unknown grant event {@event.GetType().Name}.");
        }
    }

    private void SetPlan(GrantDetails details, IReadOnlyList<BudgetLine> budget, IReadOnlyList<TrancheTerms> tranches)
    {
        Details = details;
        _budget.Clear();
        _budget.AddRange(budget);
        _tranches.Clear();
        _tranches.AddRange(tranches.Select(t => new Tranche(t.Number, t.PlannedOn, t.Amount, TrancheState.Planned)));
    }

    private void ApplyRevision(GrantBudgetRevised e)
    {
        _budget.Clear();
        _budget.AddRange(e.Budget);
        var old = _tranches.ToDictionary(t => t.Number);
        _tranches.Clear();
        foreach (var terms in e.Tranches)
        {
            _tranches.Add(old.TryGetValue(terms.Number, out var existing) && existing.State == TrancheState.Paid
                ? existing
                : new Tranche(terms.Number, terms.PlannedOn, terms.Amount, TrancheState.Planned));
        }

        if (IsCommitted)
        {
            CommittedPsc = e.Psc;
            Commitment += e.CommitmentChange;
        }
    }

    private void ReplaceTranche(int number, Func<Tranche, Tranche> change)
    {
        var index = _tranches.FindIndex(t => t.Number == number);
        _tranches[index] = change(_tranches[index]);
    }

    private void ReplaceReport(int number, Func<ProgressReport, ProgressReport> change)
    {
        var index = _reports.FindIndex(r => r.Number == number);
        _reports[index] = change(_reports[index]);
    }
}
