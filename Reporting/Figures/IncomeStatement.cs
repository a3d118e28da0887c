namespace FundManager.Reporting.Figures;

/// <summary>
/// The statement of income and expenditure of a fund for a period, in USD, every figure taken from the ledger:
/// the fund balance (net assets: cash and contributions receivable less PSC payable) at both ends, what came in
/// (revenue, exchange differences) and what went out (grants by region, PSC, write-offs, bank and card charges) in between, and the
/// commitments and reserve at the end. <see cref="ClosingBalance"/> always equals the opening balance plus the
/// movements, because both are read from the same balanced journal.
/// </summary>
public sealed record IncomeStatement(
    decimal OpeningBalance,
    decimal Contributions,
    decimal ExchangeDifferences,
    IReadOnlyList<RegionAmount> GrantExpenditureByRegion,
    decimal ProgrammeSupportCosts,
    decimal ContributionsWrittenOff,
    decimal BankCharges,
    decimal ClosingBalance,
    decimal Cash,
    decimal ContributionsReceivable,
    decimal PscPayable,
    decimal OpenCommitments,
    decimal ReserveRate,
    decimal OperatingReserve,
    decimal AvailableForNewGrants)
{
    public decimal GrantExpenditure => GrantExpenditureByRegion.Sum(r => r.Amount);

    public decimal Income => Contributions + ExchangeDifferences;

    public decimal Expenditure => GrantExpenditure + ProgrammeSupportCosts + ContributionsWrittenOff + BankCharges;

    /// <summary>Cash less PSC payable: what the fund can spend.</summary>
    public decimal AvailableCash => Cash - PscPayable;
}
