namespace FundManager.Reporting.Utilisation;

/// <summary>A UPR recommendation a supported grant serves, and how far its implementation had come by the period's end.</summary>
public sealed record StatementRecommendation(string Id, string Text, string Status, DateOnly? AsOf);
