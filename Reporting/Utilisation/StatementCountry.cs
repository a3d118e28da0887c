namespace FundManager.Reporting.Utilisation;

/// <summary>A country the donor's money reached: how much (tranches and PSC) and through how many grants.</summary>
public sealed record StatementCountry(string Country, decimal Amount, int Grants);
