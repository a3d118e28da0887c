using System.CommandLine;
using FundManager.Funds;

namespace FundManager.Api.Cli;

/// <summary><c>ledger trial-balance</c> and <c>ledger verify</c>.</summary>
public static class LedgerVerbs
{
    public static Command Build()
    {
        var ledger = new Command("ledger", "Read and verify the double-entry ledger.");
        ledger.Subcommands.Add(TrialBalance());
        ledger.Subcommands.Add(Verify());
        return ledger;
    }

    private static Command TrialBalance()
    {
        var fund = new Option<string>("--fund") { Description = "Fund code, e.g. UPR-VFTA.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Include entries dated on or before this date (yyyy-MM-dd). Default: all." };
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("trial-balance", "One row per account (debit, credit, balance) and a total row.") { fund, asOf, format };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var date = CliDatabase.ParseDate(parse.GetValue(asOf), "--as-of");
            var balance = await system.Ledger.TrialBalanceAsync(FundCode.Parse(parse.GetValue(fund)), date, ct);
            Console.Write(TrialBalanceText.Format(balance, parse.GetValue(format)!));
            return 0;
        }, ct));
        return command;
    }

    private static Command Verify()
    {
        var fund = new Option<string?>("--fund") { Description = "Verify one fund only. Default: every fund." };
        var command = new Command("verify", "Re-verify every entry's balance and the hash chain; prints 'intact' and each fund's chain head, or names the first broken entry (exit 1).") { fund };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var code = parse.GetValue(fund) is { } f ? FundCode.Parse(f) : (FundCode?)null;
            var result = await system.Ledger.VerifyAsync(code, ct);
            if (result.Intact)
            {
                Console.WriteLine("intact");

                // The heads as verified, so an auditor can hold an export's manifest (its chain head, its last entry) to the live ledger.
                foreach (var head in result.Heads)
                {
                    Console.WriteLine($"{head.Fund} head {head.Sequence} {head.HashHex}");
                }

                await Console.Error.WriteLineAsync($"{result.EntriesChecked} journal entries checked.");
                return 0;
            }

            Console.WriteLine($"broken: fund {result.BrokenFund} entry {result.BrokenSequence}: {result.Problem}");
            return 1;
        }, ct));
        return command;
    }
}
