namespace FundManager.Reporting.Figures;

/// <summary>The fund a report is about: its code, name and the rates it applies (PSC on expenditure, operating reserve on commitments).</summary>
public sealed record FundProfile(string Code, string Name, decimal PscRate, decimal ReserveRate, bool RequiresUprRecommendations);
