namespace FundManager.Reporting.Figures;

/// <summary>A tranche paid in the period: when, to which grant, how much, the PSC charged on it, and the two people who prepared and approved it.</summary>
public sealed record DisbursementLine(DateOnly PaidOn, Guid Grant, string GrantTitle, string Country, int Tranche, decimal Amount, decimal Psc, string PreparedBy, string ApprovedBy);
