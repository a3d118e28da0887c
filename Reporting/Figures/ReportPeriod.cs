using FundManager.Common;

namespace FundManager.Reporting.Figures;

/// <summary>
/// The days a report covers, both ends inclusive: a calendar year, or everything from the fund's first day up to an
/// end date. Refuses an end before the start and years outside 2000–2100.
/// </summary>
public sealed record ReportPeriod
{
    private ReportPeriod(DateOnly start, DateOnly end, string label)
    {
        Start = start;
        End = end;
        Label = label;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>How the period is named in titles: <c>2025</c>, or <c>to 31 December 2025</c>.</summary>
    public string Label { get; }

    public bool IsCalendarYear => Start.Month == 1 && Start.Day == 1 && End == new DateOnly(Start.Year, 12, 31);

    public static ReportPeriod Year(int year) =>
        year is >= 2000 and <= 2100
            ? new ReportPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : throw RuleViolation.Of(BusinessRule.InvalidInput, "A report year is 2000 to 2100.", "year", ("year", year));

    /// <summary>Everything up to and including <paramref name="end"/>.</summary>
    public static ReportPeriod Cumulative(DateOnly end) =>
        new(DateOnly.MinValue, BusinessDate.Check(end, "to"), "to " + UnStyle.Date(end));

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
