namespace FundManager.Reporting.Utilisation;

/// <summary>A grant the donor's money paid for, how much (tranches and PSC), on what basis, and what it achieved.</summary>
public sealed record StatementGrant(
    string Fund, Guid Grant, string Title, string Country, string Region, string Status, decimal Disbursements, decimal ProgrammeSupportCosts, string Basis,
    IReadOnlyList<StatementRecommendation> Recommendations, IReadOnlyList<StatementIndicator> Indicators, IReadOnlyList<string> SdgTargets)
{
    /// <summary>What the donor's money paid for in this grant: tranches and PSC.</summary>
    public decimal Applied => Disbursements + ProgrammeSupportCosts;
}
