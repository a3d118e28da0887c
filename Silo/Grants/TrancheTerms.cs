namespace FundManager.Grants;

/// <summary>A planned tranche: its number (1, 2, …), planned date and direct amount in USD.</summary>
public sealed record TrancheTerms(int Number, DateOnly PlannedOn, Money Amount);
