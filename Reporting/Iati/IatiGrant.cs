using FundManager.Entities;
using FundManager.Grants;
using FundManager.Recommendations;

namespace FundManager.Reporting.Iati;

/// <summary>
/// What the IATI file says about one approved grant: the grant as it stands, and what only its history holds — the
/// business dates of approval, payments, closure or cancellation, the budget as approved, and when it last changed.
/// </summary>
internal sealed record IatiGrant(
    Grant Grant,
    IReadOnlyList<IatiCommitment> Commitments,
    IReadOnlyList<TrancheApproved> Payments,
    IReadOnlyList<BudgetLine> ApprovedBudget,
    DateOnly? EndedOn,
    DateTimeOffset LastUpdated,
    IReadOnlyDictionary<string, string> RecommendationTexts)
{
    /// <summary>The first tranche's payment: when money first reached the implementing entity.</summary>
    public DateOnly? FirstPaidOn => Payments.Count == 0 ? null : Payments.Min(p => p.On);

    /// <summary>Reads the grant's history and the recommendations it serves; null when the grant was never approved.</summary>
    public static async Task<IatiGrant?> LoadAsync(FundSystem system, Grant grant, CancellationToken ct)
    {
        var history = await system.Entities.HistoryAsync(StreamId.For(grant.Id), ct);
        IReadOnlyList<BudgetLine> budget = [];
        IReadOnlyList<BudgetLine>? approvedBudget = null;
        var commitments = new List<IatiCommitment>();
        var payments = new List<TrancheApproved>();
        DateOnly? endedOn = null;
        foreach (var stored in history)
        {
            switch (stored.Event)
            {
                case GrantDrafted e:
                    budget = e.Budget;
                    break;
                case GrantDraftRevised e:
                    budget = e.Budget;
                    break;
                case GrantApproved e:
                    approvedBudget = budget;
                    commitments.Add(new IatiCommitment(e.On, e.Commitment, AtApproval: true));
                    break;
                case GrantBudgetRevised e:
                    budget = e.Budget;

                    // Before approval a revision commits nothing (its change is zero).
                    if (!e.CommitmentChange.IsZero)
                    {
                        commitments.Add(new IatiCommitment(e.On, e.CommitmentChange, AtApproval: false));
                    }

                    break;
                case TrancheApproved e:
                    payments.Add(e);
                    break;
                case GrantClosed e:
                    endedOn = e.On;
                    break;
                case GrantCancelled e:
                    endedOn = e.On;
                    break;
            }
        }

        if (approvedBudget is null || !IatiCodes.IsPublished(grant.Status, wasApproved: true))
        {
            return null;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in grant.Details.Recommendations)
        {
            var recommendation = await system.Entities.LoadAsync<UprRecommendation, RecommendationEvent>(StreamId.ForRecommendation(id), ct);
            if (recommendation.Exists)
            {
                texts[id] = recommendation.Text;
            }
        }

        return new IatiGrant(grant, commitments, payments, approvedBudget, endedOn, history.Max(h => h.RecordedAt), texts);
    }
}
