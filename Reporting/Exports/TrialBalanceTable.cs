using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>The trial balance at the export's last date: every account of the chart (debit, credit, balance), then a total row.</summary>
public static class TrialBalanceTable
{
    public const string Name = "trial-balance";

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("account", 9, ColumnKind.Text),
        new("name", 40, ColumnKind.Text),
        new("debit", 18, ColumnKind.Usd),
        new("credit", 18, ColumnKind.Usd),
        new("balance", 18, ColumnKind.Usd),
    ];

    /// <summary>The label of the total row, in the account column (as <c>ledger trial-balance --format csv</c> writes it).</summary>
    public const string TotalLabel = "total";

    internal static void Write(TrialBalance balance, ITableWriter table)
    {
        foreach (var row in balance.Rows)
        {
            table.Row(row.Code, row.Name, row.Debit, row.Credit, row.Balance);
        }

        table.Total(TotalLabel, null, balance.TotalDebit, balance.TotalCredit, balance.TotalDebit - balance.TotalCredit);
    }
}
