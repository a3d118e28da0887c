using FundManager.Grants;

namespace FundManager.Api.Portal;

/// <summary>
/// A grant as an officer drafts or revises it from the pages: who implements it where, its period, the UPR
/// recommendations and SDG targets it serves, its direct budget by year and its tranches. The region follows from the
/// country; PSC is the fund's, added on approval.
/// </summary>
public sealed class DraftGrantInput : BudgetPlanInput
{
    public const string Preview = "preview";
    public const string Save = "save";

    public string Key { get; set; } = "";

    public string? Fund { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? ImplementingEntity { get; set; }

    public ImplementingEntityType ImplementingEntityType { get; set; } = ImplementingEntityType.GovernmentBody;

    public string? Country { get; set; }

    public CooperationModality Modality { get; set; } = CooperationModality.NorthSouth;

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    /// <summary>Recommendation ids separated by commas or lines, such as <c>155.32</c>.</summary>
    public string? Recommendations { get; set; }

    /// <summary>SDG targets separated by commas or spaces, such as <c>16.3, 5.2</c>.</summary>
    public string? SdgTargets { get; set; }

    /// <summary>Which button sent the form: <see cref="Preview"/> or <see cref="Save"/>.</summary>
    public string? Step { get; set; }

    /// <summary>The form filled with <paramref name="grant"/>'s plan as it stands, to revise it.</summary>
    public void Fill(Grant grant)
    {
        var details = grant.Details;
        Fund = grant.Fund.Value;
        Title = details.Title;
        Summary = details.Summary;
        ImplementingEntity = details.ImplementingEntity.Name;
        ImplementingEntityType = details.ImplementingEntity.Type;
        Country = details.Country.Value;
        Modality = details.Modality;
        Start = details.Period.Start;
        End = details.Period.End;
        Recommendations = string.Join(", ", details.Recommendations);
        SdgTargets = string.Join(", ", details.SdgTargets);
        FillPlan(grant);
    }
}
