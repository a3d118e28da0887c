using System.CommandLine;
using System.Globalization;
using FundManager.Api.Imports;

namespace FundManager.Api.Cli;

/// <summary><c>import rates|uhri|camt053</c>: data from outside FundManager, read from files.</summary>
public static class ImportVerbs
{
    public static Command Build()
    {
        var import = new Command("import", "Import data from files.");
        import.Subcommands.Add(Rates());
        import.Subcommands.Add(Uhri());
        import.Subcommands.Add(Camt053());
        return import;
    }

    private static Command Camt053()
    {
        var file = new Option<FileInfo>("--file") { Description = "A bank's ISO 20022 camt.053 statement message (versions .001.02 to .001.08).", Required = true };
        var command = new Command("camt053", "Import bank statements: credits are matched to open instalments, for an officer to confirm.") { file };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            await using var input = OpenFile(parse.GetValue(file)!);
            var r = await Camt053Import.ImportAsync(system, input, Common.UserId.System, "file", null, ct);
            Console.WriteLine(
                $"{r.Statements} statements ({r.NewStatements} new), {r.Entries} entries ({r.NewEntries} new): {r.Proposed} credits matched to confirm, {r.Suspense} in suspense, {r.Debits} debits, {r.Pending} pending.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Uhri()
    {
        var file = new Option<FileInfo>("--file") { Description = "An export of UPR recommendations from the Universal Human Rights Index, CSV or XLSX.", Required = true };
        var command = new Command("uhri", "Import UPR recommendations from the Universal Human Rights Index (an upsert by annotation id).") { file };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            await using var input = OpenFile(parse.GetValue(file)!);
            var result = await UhriImport.ImportAsync(system, input, Common.UserId.System, "file", ct);
            Console.WriteLine($"{result.Read} recommendations read: {result.Registered} registered, {result.Revised} revised, {result.Unchanged} unchanged.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Rates()
    {
        var file = new Option<FileInfo>("--file") { Description = "The UN Treasury's table of operational rates of exchange, CSV or XLSX.", Required = true };
        var effective = new Option<string?>("--effective") { Description = "yyyy-MM-dd: the date rates take effect when the file gives none (the 1st of the month, or a mid-month revision's date)." };
        var command = new Command("rates", "Import UN operational rates of exchange (units per US dollar).") { file, effective };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var on = parse.GetValue(effective) is { } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new CliUsageException($"--effective '{text}' is not a date written yyyy-MM-dd.")
                : (DateOnly?)null;
            await using var input = OpenFile(parse.GetValue(file)!);
            var result = await RateImport.ImportAsync(system.Rates, input, on, "file", null, ct);
            Console.WriteLine($"{result.Read} rates read, {result.Added} new.");
            return 0;
        }, ct));
        return command;
    }

    private static FileStream OpenFile(FileInfo file) =>
        file.Exists ? file.OpenRead() : throw new CliUsageException($"There is no file {file.FullName}.");
}
