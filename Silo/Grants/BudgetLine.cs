namespace FundManager.Grants;

/// <summary>The direct budget of one calendar year of a grant, in USD (PSC comes on top).</summary>
public sealed record BudgetLine(int Year, Money Amount);
