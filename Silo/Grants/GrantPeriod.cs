using FundManager.Common;

namespace FundManager.Grants;

/// <summary>The period a grant runs: both ends inclusive; an end before the start is refused.</summary>
public sealed record GrantPeriod
{
    public GrantPeriod(DateOnly start, DateOnly end)
    {
        BusinessDate.Check(start, "period.start");
        BusinessDate.Check(end, "period.end");
        if (end < start)
        {
            throw RuleViolation.Of(BusinessRule.PeriodEndsBeforeStart, "The grant period ends before it starts.", "period.end", ("start", start), ("end", end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool ContainsYear(int year) => year >= Start.Year && year <= End.Year;
}
