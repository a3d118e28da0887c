namespace FundManager.Reporting.Utilisation;

/// <summary>
/// The donor's part in one fund: what it gave in the period, what the fund spent, and the part of that spending
/// attributed to the donor (disbursements and PSC; earmarked and unearmarked).
/// </summary>
public sealed record StatementFund(string Fund, string Name, decimal ReceivedUsd, decimal FundSpent, decimal Applied, decimal Disbursements, decimal ProgrammeSupportCosts, decimal Earmarked, decimal Unearmarked);
