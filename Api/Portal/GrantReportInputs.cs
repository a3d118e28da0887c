namespace FundManager.Api.Portal;

/// <summary>An officer's new indicator of a grant: what is measured, in what unit, from what value to what value.</summary>
public sealed class IndicatorInput
{
    public string Key { get; set; } = "";

    public string? Name { get; set; }

    public string? Unit { get; set; }

    public decimal? Baseline { get; set; }

    public decimal? Target { get; set; }
}

/// <summary>An officer's progress report on a paid tranche: the period, what was done, and each indicator's value reached.</summary>
public sealed class ReportInput
{
    public string Key { get; set; } = "";

    public int? CoversTranche { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public string? Narrative { get; set; }

    /// <summary>The value reached, as typed, by indicator id; an indicator left empty is not reported.</summary>
    public Dictionary<int, string?> Values { get; set; } = [];
}

/// <summary>An approver's decision on a submitted progress report: accept it, or return it with comments.</summary>
public sealed class ReportDecisionInput
{
    public const string Accept = "accept";
    public const string Return = "return";

    public string Key { get; set; } = "";

    public int? Report { get; set; }

    /// <summary>Which button sent the form: <see cref="Accept"/> or <see cref="Return"/>.</summary>
    public string? Decision { get; set; }

    public string? Comments { get; set; }
}
