using FundManager.Common;

namespace FundManager.Grants;

public sealed partial class Grant
{
    /// <summary>
    /// The latest value accepted progress reports gave for an indicator over periods ending by <paramref name="asOf"/>;
    /// null when none did. Submitted or returned reports are not yet facts.
    /// </summary>
    public IndicatorReading? LatestReading(int indicator, DateOnly asOf) =>
        _reports
            .Where(r => r.Status == ProgressReportStatus.Accepted && r.PeriodEnd <= asOf && r.Values.Any(v => v.Indicator == indicator))
            .MaxBy(r => (r.PeriodEnd, r.Number)) is { } report
            ? new IndicatorReading(report.Values.Last(v => v.Indicator == indicator).Value, report.PeriodEnd)
            : null;

    public GrantEvent[] DefineIndicator(string name, string unit, decimal baseline, decimal target)
    {
        Expect(
            "define an indicator",
            GrantStatus.Draft, GrantStatus.Submitted, GrantStatus.Reviewed, GrantStatus.Recommended, GrantStatus.Approved, GrantStatus.Active);
        CheckValue(baseline, "baseline");
        CheckValue(target, "target");
        var checkedName = Text.Check(name, "name", 200, allowLineBreaks: false);
        if (_indicators.Any(i => string.Equals(i.Name, checkedName, StringComparison.OrdinalIgnoreCase)))
        {
            throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, $"The grant already has an indicator '{checkedName}'.", "name");
        }

        var indicator = new Indicator(_indicators.Count + 1, checkedName, Text.Check(unit, "unit", 50, allowLineBreaks: false), baseline, target);
        return [new IndicatorDefined(indicator)];
    }

    /// <summary>
    /// Decides a progress report on the use of tranche <paramref name="coversTranche"/> (which must be paid).
    /// A returned report is resubmitted under its own number; otherwise reports are numbered in order.
    /// </summary>
    public GrantEvent[] SubmitProgressReport(
        int? resubmits, DateOnly periodStart, DateOnly periodEnd, int coversTranche, string narrative, IReadOnlyList<IndicatorValue> values, UserId by, DateOnly on)
    {
        Expect("submit a progress report", GrantStatus.Approved, GrantStatus.Active, GrantStatus.Completed);
        BusinessDate.Check(periodStart, "periodStart");
        BusinessDate.Check(periodEnd, "periodEnd");
        if (periodEnd < periodStart)
        {
            throw RuleViolation.Of(BusinessRule.PeriodEndsBeforeStart, "The reporting period ends before it starts.", "periodEnd");
        }

        var tranche = FindTranche(coversTranche);
        if (tranche.State != TrancheState.Paid)
        {
            throw RuleViolation.Of(BusinessRule.IllegalTransition, $"Tranche {coversTranche} has not been paid, so there is no use of it to report on.", "coversTranche", ("tranche", coversTranche));
        }

        var seen = new HashSet<int>();
        foreach (var value in values ?? [])
        {
            if (_indicators.All(i => i.Id != value.Indicator) || !seen.Add(value.Indicator))
            {
                throw RuleViolation.Of(BusinessRule.IndicatorUnknown, $"The grant has no indicator {value.Indicator} (or it is reported twice).", "values", ("indicator", value.Indicator));
            }

            CheckValue(value.Value, "values");
        }

        int number;
        if (resubmits is { } n)
        {
            var report = FindReport(n);
            if (report.Status != ProgressReportStatus.Returned)
            {
                throw RuleViolation.Of(BusinessRule.IllegalTransition, $"Progress report {n} is {report.Status}; only a returned report is resubmitted.", "resubmits");
            }

            number = n;
        }
        else
        {
            number = _reports.Count == 0 ? 1 : _reports.Max(r => r.Number) + 1;
        }

        return [new ProgressReportSubmitted(number, periodStart, periodEnd, coversTranche, Text.Check(narrative, "narrative", 20000), values ?? [], by, BusinessDate.Check(on, "on"))];
    }

    public GrantEvent[] AcceptProgressReport(int number, UserId by, DateOnly on)
    {
        ExpectSubmitted(number, "accept");
        return [new ProgressReportAccepted(number, by, BusinessDate.Check(on, "on"))];
    }

    public GrantEvent[] ReturnProgressReport(int number, UserId by, DateOnly on, string comments)
    {
        ExpectSubmitted(number, "return");
        return [new ProgressReportReturned(number, by, BusinessDate.Check(on, "on"), Reason.Require(comments, "comments"))];
    }

    /// <summary>Records how far a recommendation this grant serves has been implemented, with evidence; every change is kept.</summary>
    public GrantEvent[] RecordRecommendationStatus(string recommendation, ImplementationStatus status, string evidence, DateOnly asOf, UserId by)
    {
        Expect("record a recommendation's status", GrantStatus.Approved, GrantStatus.Active, GrantStatus.Completed, GrantStatus.Closed);
        if (!Enum.IsDefined(status))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "Unknown implementation status.", "status");
        }

        if (!Details.Recommendations.Contains(recommendation, StringComparer.Ordinal))
        {
            throw RuleViolation.Of(BusinessRule.RecommendationNotServedByGrant, $"This grant does not serve recommendation '{recommendation}'.", "recommendation", ("recommendation", recommendation));
        }

        return [new RecommendationStatusChanged(recommendation, status, Text.Check(evidence, "evidence", 4000), BusinessDate.Check(asOf, "asOf"), by)];
    }

    private void ExpectSubmitted(int number, string action)
    {
        var report = FindReport(number);
        if (report.Status != ProgressReportStatus.Submitted)
        {
            throw RuleViolation.Of(BusinessRule.IllegalTransition, $"Cannot {action} progress report {number}: it is {report.Status}.", "number", ("report", number));
        }
    }

    private ProgressReport FindReport(int number) =>
        _reports.FirstOrDefault(r => r.Number == number)
        ?? throw RuleViolation.Of(BusinessRule.ProgressReportUnknown, $"The grant has no progress report {number}.", "number", ("report", number));

    private static void CheckValue(decimal value, string field)
    {
        if (Math.Abs(value) >= Money.MaxMagnitude)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"{field} must be below 10^15 in magnitude.", field);
        }
    }
}
