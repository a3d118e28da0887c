namespace FundManager.Tests.Ledger;

/// <summary>
/// One random step of the ledger property test. Indexes pick among the pledges and grants created so far
/// (modulo their number); percentages scale amounts so that some steps are refused by a rule, as in life.
/// </summary>
public abstract record LedgerOperation
{
    public sealed record NewPledge(int Currency, long MinorUnits, int Instalments, bool Sign) : LedgerOperation;

    public sealed record SignPledge(int Pledge) : LedgerOperation;

    public sealed record Receive(int Pledge, int PercentOfOutstanding, int Fortnight) : LedgerOperation;

    public sealed record Amend(int Pledge, int PercentChange) : LedgerOperation;

    public sealed record CancelPledge(int Pledge) : LedgerOperation;

    public sealed record WriteOff(int Pledge) : LedgerOperation;

    public sealed record Unpledged(int Currency, long MinorUnits) : LedgerOperation;

    public sealed record NewGrant(int PerYear, int Years) : LedgerOperation;

    public sealed record ApproveGrant(int Grant) : LedgerOperation;

    public sealed record Prepare(int Grant, int? PercentOfPlanned) : LedgerOperation;

    public sealed record ApproveTranche(int Grant, bool ByPreparer) : LedgerOperation;

    public sealed record RejectTranche(int Grant) : LedgerOperation;

    public sealed record Report(int Grant, bool Accept) : LedgerOperation;

    public sealed record ReviseBudget(int Grant, int PercentChange) : LedgerOperation;

    public sealed record Complete(int Grant) : LedgerOperation;

    public sealed record Close(int Grant) : LedgerOperation;

    public sealed record CancelGrant(int Grant) : LedgerOperation;
}
