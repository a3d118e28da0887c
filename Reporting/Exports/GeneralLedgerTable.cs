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

    internal static async Task WriteAsync(
        FundSystem system, LedgerExportRequest request, LedgerHead head, ITableWriter table, IExportTarget target, CancellationToken ct)
    {
        // Brought forward: everything dated before the first day exported (nothing when the export starts at the first entry).
        var opening = request.From is { } from && from > DateOnly.MinValue
            ? await system.Ledger.TrialBalanceAsync(request.Fund, from.AddDays(-1), head.Sequence, ct)
            : null;
        await using var lines = system.Ledger.GeneralLedgerAsync(request.Fund, request.From, request.To, head.Sequence, ct).GetAsyncEnumerator(ct);
        var more = await lines.MoveNextAsync();
        long written = 0;
        foreach (var account in Enum.GetValues<Account>())
        {
            var code = AccountInfo.Code(account);
            var name = AccountInfo.Name(account);
            table.Row(code, name, request.From, null, null, BroughtForward, null, null, opening?.BalanceOf(account) ?? 0m);

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
}
