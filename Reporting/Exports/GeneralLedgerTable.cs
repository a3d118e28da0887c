using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>
/// The general ledger: per account in the chart's order, a row "Balance brought forward" with the balance (debit − credit)
/// of the entries dated before the export's first date, then the account's lines within the dates in entry-date,
/// sequence and line order, each with the running balance (written by <see cref="SpilledGeneralLedger"/>). Every account
/// has its opening row, so the last balance of each account is its balance in the trial balance.
/// </summary>
public static class GeneralLedgerTable
{
    public const string Name = "general-ledger";

    public const string BroughtForward = "Balance brought forward";

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("account", 9, ColumnKind.Text),
        new("name", 34, ColumnKind.Text),
        new("entry_date", 12, ColumnKind.Date),
        new("sequence", 10, ColumnKind.Integer),
        new("line", 6, ColumnKind.Integer),
        new("description", 60, ColumnKind.Text),
        new("debit", 16, ColumnKind.Usd),
        new("credit", 16, ColumnKind.Usd),
        new("balance", 18, ColumnKind.Usd),
    ];

    /// <summary>
    /// The balances brought forward: the trial balance of everything dated before the first day exported (nothing when the
    /// export starts at the first entry).
    /// </summary>
    internal static async Task<TrialBalance?> OpeningAsync(FundSystem system, LedgerExportRequest request, LedgerHead head, CancellationToken ct) =>
        request.From is { } from && from > DateOnly.MinValue
            ? await system.Ledger.TrialBalanceAsync(request.Fund, from.AddDays(-1), head.Sequence, ct)
            : null;

    /// <summary>An account's first row: its balance brought forward, dated the first day exported.</summary>
    internal static void BroughtForwardRow(ITableWriter table, Account account, DateOnly? from, TrialBalance? opening) =>
        table.Row(AccountInfo.Code(account), AccountInfo.Name(account), from, null, null, BroughtForward, null, null, opening?.BalanceOf(account) ?? 0m);
}
