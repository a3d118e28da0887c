namespace FundManager.Reporting.Narrative;

/// <summary>A named group (a region, a modality) with how many grants it holds and their amount in USD.</summary>
public sealed record GroupTotal(string Name, int Grants, decimal Amount);
