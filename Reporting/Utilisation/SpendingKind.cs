namespace FundManager.Reporting.Utilisation;

/// <summary>What the fund spent: a tranche paid to an implementing entity, or the programme support costs charged on it.</summary>
public enum SpendingKind
{
    Disbursement,
    ProgrammeSupportCost,
}
