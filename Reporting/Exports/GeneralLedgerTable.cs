using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>
/// The general ledger: per account in the chart's order, a row "Balance brought forward" with the balance (debit − credit)
/// of the entries dated before the export's first date, then the account's lines within the dates in entry-date,
/// sequence and line order, each with the running balance. Every account has its opening row, so the last balance of
/// each account is its balance in the trial balance.
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
    /// Starts the general ledger's query and waits for its first line: the database sorts every line by account before it
    /// sends one, so the caller starts this first and writes the journal while the database works.
    /// </summary>
    internal static async Task<Prepared> PrepareAsync(FundSystem system, LedgerExportRequest request, LedgerHead head, CancellationToken ct)
    {
        var opening = await OpeningAsync(system, request, head, ct);
        var lines = system.Ledger.GeneralLedgerAsync(request.Fund, request.From, request.To, head.Sequence, ct).GetAsyncEnumerator(ct);
        return new Prepared(opening, lines, await lines.MoveNextAsync());
    }

    internal static async Task WriteAsync(LedgerExportRequest request, Prepared prepared, ITableWriter table, IExportTarget target, CancellationToken ct)
    {
        var (opening, lines, more) = prepared;
        await using var _ = lines;
        long written = 0;
        foreach (var account in Enum.GetValues<Account>())
        {
            var code = AccountInfo.Code(account);
            var name = AccountInfo.Name(account);
            BroughtForwardRow(table, account, request.From, opening);

            // The query orders by account code, which is the chart's order.
            while (more && lines.Current.Account == account)
            {
                var line = lines.Current;
                table.Row(code, name, line.Date, line.Sequence, (long)line.LineNo, line.Description, line.Debit, line.Credit, line.Balance);
                if (++written % 256 == 0)
                {
                    await target.FlushAsync(ct);
                }

                more = await lines.MoveNextAsync();
            }
        }

        if (more)
        {
            throw new InvalidOperationException($"The journal of {request.Fund} has a line on account {(int)lines.Current.Account}, which is not in the chart.");
        }
    }

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

    /// <summary>A general ledger ready to write: the balances brought forward and the query's lines, the first one read.</summary>
    internal sealed record Prepared(TrialBalance? Opening, IAsyncEnumerator<GeneralLedgerLine> Lines, bool More);
}
