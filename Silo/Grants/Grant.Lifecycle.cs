using FundManager.Common;
using FundManager.Funds;
using FundManager.Finance;
using FundManager.Reference;

namespace FundManager.Grants;

public sealed partial class Grant
{
    /// <summary>
    /// Decides a new draft grant. <paramref name="recommendationStates"/> maps every known UPR
    /// recommendation id to the State under review, so that a grant only serves its own country's.
    /// </summary>
    public static GrantEvent[] Draft(GrantId id, Fund fund, GrantPlan plan, IReadOnlyDictionary<string, CountryCode> recommendationStates)
    {
        var (details, budget, tranches) = Validate(fund, plan, recommendationStates);
        return [new GrantDrafted(id, fund.Code, details, budget, tranches)];
    }

    /// <summary>Decides a revision of a draft (anything may change before submission).</summary>
    public GrantEvent[] ReviseDraft(Fund fund, GrantPlan plan, IReadOnlyDictionary<string, CountryCode> recommendationStates)
    {
        Expect("revise the draft", GrantStatus.Draft);
        var (details, budget, tranches) = Validate(fund, plan, recommendationStates);
        return [new GrantDraftRevised(details, budget, tranches)];
    }

    /// <summary>Records the consent of the State concerned; possible until approval.</summary>
    public GrantEvent[] RecordConsent(string reference, DateOnly givenOn)
    {
        Expect("record consent", GrantStatus.Draft, GrantStatus.Submitted, GrantStatus.Reviewed, GrantStatus.Recommended);
        BusinessDate.Check(givenOn, "givenOn");
        return [new ConsentRecorded(new Consent(Text.Check(reference, "reference", 200, allowLineBreaks: false), givenOn))];
    }

    public GrantEvent[] Submit(DateOnly on)
    {
        Expect("submit", GrantStatus.Draft);
        return [new GrantSubmitted(BusinessDate.Check(on, "on"))];
    }

    public GrantEvent[] Review(DateOnly on, string? note)
    {
        Expect("review", GrantStatus.Submitted);
        return [new GrantReviewed(BusinessDate.Check(on, "on"), Text.Optional(note, "note", 4000))];
    }

    /// <summary>Records the Board of Trustees' recommendation, with its session (e.g. <c>BoT-2024-2</c>).</summary>
    public GrantEvent[] Recommend(string boardSession, DateOnly on)
    {
        Expect("record the Board's recommendation", GrantStatus.Reviewed);
        return [new GrantRecommended(Text.Check(boardSession, "boardSession", 100, allowLineBreaks: false), BusinessDate.Check(on, "on"))];
    }

    /// <summary>
    /// Decides approval. Requires the State's consent on file and enough uncommitted funds:
    /// available cash ≥ (open commitments + this commitment) × (1 + reserve rate), where this
    /// commitment is the direct budget plus PSC at the fund's rate.
    /// </summary>
    public GrantEvent[] Approve(Fund fund, FundPosition position, DateOnly on)
    {
        Expect("approve", GrantStatus.Recommended);
        BusinessDate.Check(on, "on");
        if (Consent is null)
        {
            throw RuleViolation.Of(BusinessRule.ConsentRequired, "The consent of the State concerned must be on file before approval.", "consent", ("grant", Id.ToString()));
        }

        var commitment = CommitmentAt(fund.PscRate);
        position.RequireCommitment(commitment);
        return [new GrantApproved(on, fund.PscRate, commitment - DirectBudget, commitment)];
    }

    /// <summary>What approval would commit the fund to: the direct budget plus PSC at <paramref name="pscRate"/>.</summary>
    public Money CommitmentAt(decimal pscRate) => DirectBudget + Funds.Fund.Psc(DirectBudget, pscRate);

    public GrantEvent[] Reject(DateOnly on, string reason)
    {
        Expect("reject", GrantStatus.Submitted, GrantStatus.Reviewed, GrantStatus.Recommended);
        return [new GrantRejected(BusinessDate.Check(on, "on"), Reason.Require(reason))];
    }

    /// <summary>Cancels the grant; whatever was committed and never disbursed is released.</summary>
    public GrantEvent[] Cancel(DateOnly on, string reason)
    {
        Expect(
            "cancel",
            GrantStatus.Draft, GrantStatus.Submitted, GrantStatus.Reviewed, GrantStatus.Recommended, GrantStatus.Approved, GrantStatus.Active);
        return [new GrantCancelled(BusinessDate.Check(on, "on"), Reason.Require(reason), OpenCommitment)];
    }

    public GrantEvent[] Complete(DateOnly on)
    {
        Expect("complete", GrantStatus.Active);
        NoTranchePending("complete the grant");
        return [new GrantCompleted(BusinessDate.Check(on, "on"))];
    }

    /// <summary>Closes a completed grant; what was committed and never disbursed is released.</summary>
    public GrantEvent[] Close(DateOnly on)
    {
        Expect("close", GrantStatus.Completed);
        return [new GrantClosed(BusinessDate.Check(on, "on"), OpenCommitment)];
    }

    private void Expect(string action, params GrantStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw Illegal(action, Status);
        }
    }

    private void NoTranchePending(string action)
    {
        if (_tranches.FirstOrDefault(t => t.State == TrancheState.Prepared) is { } pending)
        {
            throw RuleViolation.Of(BusinessRule.TranchePending, $"Cannot {action}: tranche {pending.Number} is prepared and awaits approval or rejection.", null, ("tranche", pending.Number));
        }
    }

    private static (GrantDetails Details, List<BudgetLine> Budget, List<TrancheTerms> Tranches) Validate(
        Fund fund, GrantPlan plan, IReadOnlyDictionary<string, CountryCode> recommendationStates)
    {
        Preconditions.NotNull(plan, nameof(plan));
        if (!Enum.IsDefined(plan.ImplementingEntityType) || !Enum.IsDefined(plan.Modality) || !Enum.IsDefined(plan.Region))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "Unknown implementing entity type, modality or region.", "plan");
        }

        if (!CountryCode.TryParse(plan.Country, out var country) || CountryCatalog.Default.Find(country) is not { } countryInfo)
        {
            throw RuleViolation.Of(BusinessRule.UnknownCountry, $"'{plan.Country}' is not an ISO 3166 alpha-3 country code.", "country", ("country", plan.Country));
        }

        if (countryInfo.OhchrRegion != plan.Region)
        {
            throw RuleViolation.Of(
                BusinessRule.RegionDoesNotMatchCountry,
                countryInfo.OhchrRegion is { } actual
                    ? $"{countryInfo.Name} is in the {OhchrRegions.DisplayName(actual)} region, not {OhchrRegions.DisplayName(plan.Region)}."
                    : $"{countryInfo.Name} is in no OHCHR region.",
                "region",
                ("country", country.ToString()),
                ("region", plan.Region.ToString()));
        }

        var period = new GrantPeriod(plan.Start, plan.End);
        var recommendations = (plan.Recommendations ?? []).Select(r => Text.Check(r, "recommendations", 100, allowLineBreaks: false)).Distinct(StringComparer.Ordinal).ToList();
        if (fund.RequiresUprRecommendations && recommendations.Count == 0)
        {
            throw RuleViolation.Of(BusinessRule.RecommendationRequired, $"A grant of {fund.Code} must serve at least one UPR recommendation.", "recommendations");
        }

        foreach (var recommendation in recommendations)
        {
            if (!recommendationStates.TryGetValue(recommendation, out var state))
            {
                throw RuleViolation.Of(BusinessRule.RecommendationUnknown, $"UPR recommendation '{recommendation}' is not registered.", "recommendations", ("recommendation", recommendation));
            }

            if (state != country)
            {
                throw RuleViolation.Of(
                    BusinessRule.RecommendationConcernsAnotherState,
                    $"UPR recommendation '{recommendation}' was made to {state}, not to {country}.",
                    "recommendations",
                    ("recommendation", recommendation),
                    ("stateUnderReview", state.ToString()));
            }
        }

        var sdgTargets = (plan.SdgTargets ?? []).Select(t => SdgCatalog.Default.Find(t?.Trim() ?? "")?.Id
            ?? throw RuleViolation.Of(BusinessRule.UnknownSdgTarget, $"'{t}' is not one of the 169 SDG targets.", "sdgTargets", ("target", t))).Distinct().ToList();

        var details = new GrantDetails(
            new ImplementingEntity(Text.Check(plan.ImplementingEntityName, "implementingEntity.name", 200, allowLineBreaks: false), plan.ImplementingEntityType),
            country,
            plan.Region,
            Text.Check(plan.Title, "title", 300, allowLineBreaks: false),
            Text.Check(plan.Summary, "summary", 8000),
            period,
            plan.Modality,
            recommendations,
            sdgTargets);
        var (budget, tranches) = ValidateBudget(period, plan.Budget, plan.Tranches);
        return (details, budget, tranches);
    }

    private static (List<BudgetLine> Budget, List<TrancheTerms> Tranches) ValidateBudget(
        GrantPeriod period, IReadOnlyList<PlannedBudgetLine>? budget, IReadOnlyList<PlannedTranche>? tranches)
    {
        if (budget is null || budget.Count == 0 || budget.Count > 20)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "A grant has a direct budget for 1 to 20 years.", "budget");
        }

        if (budget.Select(b => b.Year).Distinct().Count() != budget.Count)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "Each year appears once in the budget.", "budget");
        }

        var lines = new List<BudgetLine>();
        for (var i = 0; i < budget.Count; i++)
        {
            if (!period.ContainsYear(budget[i].Year))
            {
                throw RuleViolation.Of(BusinessRule.BudgetYearOutsidePeriod, $"Budget year {budget[i].Year} is outside the grant period.", $"budget[{i}].year", ("year", budget[i].Year));
            }

            lines.Add(new BudgetLine(budget[i].Year, Money.Entered(budget[i].Amount, CurrencyCode.Usd, $"budget[{i}].amount")));
        }

        if (tranches is null || tranches.Count == 0 || tranches.Count > 24)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "A grant has 1 to 24 tranches.", "tranches");
        }

        var terms = new List<TrancheTerms>();
        var ordered = tranches.Select((t, i) => (t, i)).OrderBy(x => x.t.PlannedOn).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var (t, i) = ordered[n];
            BusinessDate.Check(t.PlannedOn, $"tranches[{i}].plannedOn");
            if (!period.Contains(t.PlannedOn))
            {
                throw RuleViolation.Of(BusinessRule.TrancheOutsidePeriod, $"Tranche planned on {t.PlannedOn:yyyy-MM-dd} falls outside the grant period.", $"tranches[{i}].plannedOn");
            }

            terms.Add(new TrancheTerms(n + 1, t.PlannedOn, Money.Entered(t.Amount, CurrencyCode.Usd, $"tranches[{i}].amount")));
        }

        var direct = Money.Sum(lines.Select(l => l.Amount), CurrencyCode.Usd);
        var scheduled = Money.Sum(terms.Select(t => t.Amount), CurrencyCode.Usd);
        if (direct != scheduled)
        {
            throw RuleViolation.Of(
                BusinessRule.TrancheScheduleDoesNotSumToBudget,
                $"The tranches add up to {scheduled}, not the direct budget of {direct}.",
                "tranches",
                ("budget", direct.Amount),
                ("tranches", scheduled.Amount));
        }

        return (lines, terms);
    }
}
