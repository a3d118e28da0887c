using System.Globalization;
using System.Text;
using System.Text.Json;
using FundManager.Ledger;

namespace FundManager.Api.Cli;

/// <summary>Writes a trial balance as an aligned table, RFC 4180 CSV or JSON; amounts in USD with two decimals.</summary>
public static class TrialBalanceText
{
    public static string Format(TrialBalance balance, string format) => format switch
    {
        "csv" => Csv(balance),
        "json" => Json(balance),
        _ => Table(balance),
    };

    private static string Amount(decimal value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Table(TrialBalance balance)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Trial balance of {balance.Fund} {(balance.AsOf is { } d ? $"as of {d:yyyy-MM-dd}" : "(all entries)")}, USD");
        var line = "{0,-7} {1,-40} {2,20} {3,20} {4,20}";
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, line, "Account", "Name", "Debit", "Credit", "Balance"));
        foreach (var row in balance.Rows)
        {
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, line, row.Code, row.Name, row.Debit.ToString("N2", CultureInfo.InvariantCulture), row.Credit.ToString("N2", CultureInfo.InvariantCulture), row.Balance.ToString("N2", CultureInfo.InvariantCulture)));
        }

        text.AppendLine(string.Format(CultureInfo.InvariantCulture, line, "Total", "", balance.TotalDebit.ToString("N2", CultureInfo.InvariantCulture), balance.TotalCredit.ToString("N2", CultureInfo.InvariantCulture), (balance.TotalDebit - balance.TotalCredit).ToString("N2", CultureInfo.InvariantCulture)));
        return text.ToString();
    }

    // RFC 4180 through CsvHelper, for programs: amounts are written as numbers (a negative one begins with '-'), so no
    // field is escaped against spreadsheet formulas; account names are the chart's own.
    private static string Csv(TrialBalance balance)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Reporting.Exports.Rfc4180.Writer(text, CsvHelper.CsvInjection.None))
        {
            void Row(string account, string name, decimal debit, decimal credit, decimal net)
            {
                csv.WriteField(account);
                csv.WriteField(name, name.Length > 0 ? CsvHelper.CsvQuoting.Always : CsvHelper.CsvQuoting.WhenNeeded);
                csv.WriteField(Amount(debit));
                csv.WriteField(Amount(credit));
                csv.WriteField(Amount(net));
                csv.EndRecord();
            }

            foreach (var header in new[] { "account", "name", "debit", "credit", "balance" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var row in balance.Rows)
            {
                Row(row.Code, row.Name, row.Debit, row.Credit, row.Balance);
            }

            Row("total", "", balance.TotalDebit, balance.TotalCredit, balance.TotalDebit - balance.TotalCredit);
        }

        return text.ToString();
    }

    private static string Json(TrialBalance balance)
    {
        var document = new
        {
            fund = balance.Fund.Value,
            asOf = balance.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            currency = "USD",
            rows = balance.Rows.Select(r => new { account = r.Code, name = r.Name, debit = r.Debit, credit = r.Credit, balance = r.Balance }),
            total = new { debit = balance.TotalDebit, credit = balance.TotalCredit },
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
