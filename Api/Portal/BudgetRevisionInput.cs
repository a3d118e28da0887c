namespace FundManager.Api.Portal;

/// <summary>
/// A grant's budget and tranches revised from its page, with the reason: previewed first (the PSC, the change in
/// commitment and what the fund has left after it), then sent.
/// </summary>
public sealed class BudgetRevisionInput : BudgetPlanInput
{
    public const string Preview = "preview";
    public const string Save = "save";

    public string Key { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>Which button sent the form: <see cref="Preview"/> or <see cref="Save"/>.</summary>
    public string? Step { get; set; }

    public void Fill(Grants.Grant grant) => FillPlan(grant);
}
