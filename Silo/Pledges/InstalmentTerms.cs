namespace FundManager.Pledges;

/// <summary>An instalment's agreed terms: its number within the pledge, due date and amount in the pledge currency.</summary>
public sealed record InstalmentTerms(int Number, DateOnly DueOn, Money Amount);
