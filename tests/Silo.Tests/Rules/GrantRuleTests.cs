using FundManager.Common;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Reference;

namespace FundManager.Tests.Rules;

/// <summary>
/// A grant's rules in memory: a draft serves only its own country's recommendations, approval needs consent and enough
/// uncommitted funds, the one who prepares a tranche never approves it, tranches go in order after accepted reports,
/// and the tranche that exhausts the budget takes exactly the PSC still committed.
/// </summary>
public sealed class GrantRuleTests
{
    private static readonly DateOnly Day = new(2024, 11, 1);
    private static readonly UserId Officer = new("officer@fund.org");
    private static readonly UserId Approver = new("approver@fund.org");
    private static readonly Dictionary<string, CountryCode> Recommendations = new(StringComparer.Ordinal)
    {
        ["PRY-1"] = CountryCode.Parse("PRY"),
        ["NOR-1"] = CountryCode.Parse("NOR"),
    };

    private static Fund Fund()
    {
        var fund = new Fund();
        fund.ApplyAll(FundManager.Funds.Fund.Create(FundCode.Parse("UPR-VFTA"), "Voluntary Fund", FundManager.Funds.Fund.DefaultPscRate, FundManager.Funds.Fund.DefaultReserveRate, requiresUprRecommendations: true));
        return fund;
    }

    private static GrantPlan Plan(params decimal[] tranches) => new(
        "Ministry of Justice", ImplementingEntityType.GovernmentBody, "PRY", OhchrRegion.Americas, "SIMORE follow-up", "Tracking UPR recommendations.",
        new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), CooperationModality.NorthSouth, ["PRY-1"], ["16.6"],
        [new PlannedBudgetLine(2025, tranches.Sum())], tranches.Select((amount, n) => new PlannedTranche(new DateOnly(2025, 1 + n, 1), amount)).ToList());

    private static FundPosition Cash(decimal cash, decimal open = 0m) => new(Money.Usd(cash), Money.Usd(0m), Money.Usd(open), FundManager.Funds.Fund.DefaultReserveRate);

    private static List<GrantEvent> Recommended(bool consent, params decimal[] tranches) =>
    [
        .. Grant.Draft(new GrantId(Guid.Parse("6f1c1a34-57a5-4c1e-9d0e-6a9f5a1f0001")), Fund(), Plan(tranches), Recommendations),
        .. consent ? [new ConsentRecorded(new Consent("Note verbale PRY/2024/001", Day.AddDays(-30)))] : Array.Empty<GrantEvent>(),
        new GrantSubmitted(Day.AddDays(-20)),
        new GrantReviewed(Day.AddDays(-15), null),
        new GrantRecommended("BoT-2024-2", Day.AddDays(-10)),
    ];

    private static List<GrantEvent> Approved(params decimal[] tranches)
    {
        var psc = decimal.Round(tranches.Sum() * FundManager.Funds.Fund.DefaultPscRate, 2, MidpointRounding.ToEven);
        return [.. Recommended(consent: true, tranches), new GrantApproved(Day, FundManager.Funds.Fund.DefaultPscRate, Money.Usd(psc), Money.Usd(tranches.Sum() + psc))];
    }

    [Fact]
    public void A_draft_serves_only_recommendations_made_to_its_own_country() =>
        Given.History<Grant, GrantEvent>([])
            .When(_ => Grant.Draft(GrantId.New(), Fund(), Plan(100_000m) with { Recommendations = ["NOR-1"] }, Recommendations))
            .ThenRefused(BusinessRule.RecommendationConcernsAnotherState, "recommendations");

    [Fact]
    public void Approval_needs_the_consent_of_the_State_concerned() =>
        Given.History<Grant, GrantEvent>(Recommended(consent: false, 100_000m))
            .When(grant => grant.Approve(Fund(), Cash(10_000_000m), Day))
            .ThenRefused(BusinessRule.ConsentRequired, "consent");

    [Fact]
    public void Approval_commits_the_budget_and_PSC_when_cash_covers_them_and_the_reserve_to_the_cent()
    {
        // 100,000.00 direct + 13,000.00 PSC = 113,000.00; × 1.15 = 129,950.00 of cash needed, of which 20,000.00 is
        // already committed to other grants: 20,000.00 × 1.15 = 23,000.00 more.
        var grant = Given.History<Grant, GrantEvent>(Recommended(consent: true, 100_000m));

        grant.When(g => g.Approve(Fund(), Cash(152_950.00m, open: 20_000m), Day))
            .Then(new GrantApproved(Day, 0.13m, Money.Usd(13_000m), Money.Usd(113_000m)));
        grant.When(g => g.Approve(Fund(), Cash(152_949.99m, open: 20_000m), Day))
            .ThenRefused(BusinessRule.InsufficientUncommittedFunds, null);
    }

    [Fact]
    public void A_step_out_of_order_is_an_illegal_transition() =>
        Given.History<Grant, GrantEvent>(Recommended(consent: true, 100_000m))
            .When(grant => grant.Submit(Day))
            .ThenRefused(BusinessRule.IllegalTransition, null);

    [Fact]
    public void The_one_who_prepares_a_tranche_never_approves_it()
    {
        var grant = Given.History<Grant, GrantEvent>([.. Approved(60_000m, 40_000m), new TranchePrepared(1, Money.Usd(60_000m), Officer, Day)]);

        grant.When(g => g.ApproveTranche(1, Officer, Day, Cash(1_000_000m))).ThenRefused(BusinessRule.PreparerCannotApprove, null);
        grant.When(g => g.RejectTranche(1, Officer, Day, "Wrong amount")).ThenRefused(BusinessRule.PreparerCannotApprove, null);
        grant.When(g => g.ApproveTranche(1, Approver, Day, Cash(1_000_000m)))
            .Then(new TrancheApproved(1, Money.Usd(60_000m), Money.Usd(7_800m), Approver, Day));
    }

    [Fact]
    public void Tranches_go_in_order_and_each_after_the_first_needs_the_report_on_the_one_before_accepted()
    {
        var paidFirst = new List<GrantEvent>
        {
            new TranchePrepared(1, Money.Usd(60_000m), Officer, Day),
            new TrancheApproved(1, Money.Usd(60_000m), Money.Usd(7_800m), Approver, Day),
        };

        Given.History<Grant, GrantEvent>(Approved(60_000m, 40_000m))
            .When(g => g.PrepareTranche(2, null, Officer, Day))
            .ThenRefused(BusinessRule.TrancheOutOfOrder, "number");
        Given.History<Grant, GrantEvent>([.. Approved(60_000m, 40_000m), .. paidFirst])
            .When(g => g.PrepareTranche(2, null, Officer, Day))
            .ThenRefused(BusinessRule.ProgressReportNotAccepted, "number");
    }

    [Fact]
    public void A_tranche_above_what_is_left_of_the_budget_is_refused() =>
        Given.History<Grant, GrantEvent>(Approved(60_000m, 40_000m))
            .When(g => g.PrepareTranche(1, 100_000.01m, Officer, Day))
            .ThenRefused(BusinessRule.TrancheExceedsUndisbursedCommitment, "amount");

    [Fact]
    public void The_tranche_that_exhausts_the_budget_takes_exactly_the_PSC_still_committed()
    {
        // Thirds of 100,000.00: PSC of 4,333.33 on each of the first two (13 % of 33,333.33, rounded), and the last takes
        // 13,000.00 − 8,666.66 = 4,333.34 rather than its own 13 % (4,333.33), so the PSC charged is the PSC committed.
        List<GrantEvent> twoPaid = [.. Approved(33_333.33m, 33_333.33m, 33_333.34m)];
        for (var n = 1; n <= 2; n++)
        {
            twoPaid.Add(new TranchePrepared(n, Money.Usd(33_333.33m), Officer, Day));
            twoPaid.Add(new TrancheApproved(n, Money.Usd(33_333.33m), Money.Usd(4_333.33m), Approver, Day));
            twoPaid.Add(new ProgressReportSubmitted(n, Day, Day, n, "Progress.", [], Officer, Day));
            twoPaid.Add(new ProgressReportAccepted(n, Approver, Day));
        }

        var grant = Given.History<Grant, GrantEvent>([.. twoPaid, new TranchePrepared(3, Money.Usd(33_333.34m), Officer, Day)]);

        grant.When(g => g.ApproveTranche(3, Approver, Day, Cash(1_000_000m)))
            .Then(new TrancheApproved(3, Money.Usd(33_333.34m), Money.Usd(4_333.34m), Approver, Day));
        Assert.Equal(Money.Usd(8_666.66m), grant.Entity.PscCharged);
    }
}
