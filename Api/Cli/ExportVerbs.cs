using System.CommandLine;
using FundManager.Funds;
using FundManager.Reporting.Exports;
using FundManager.Reporting.Iati;

namespace FundManager.Api.Cli;

/// <summary><c>export iati</c>, <c>export ledger</c> and <c>export verify</c>: files for publication and for auditors, outside FundManager.</summary>
public static class ExportVerbs
{
    public static Command Build()
    {
        var export = new Command("export", "Write a fund's data in a standard format for publication, or its ledger for auditors.");
        export.Subcommands.Add(Iati());
        export.Subcommands.Add(Ledger());
        export.Subcommands.Add(Verify());
        return export;
    }

    private static Command Iati()
    {
        var fund = new Option<string>("--fund") { Description = "Fund code, e.g. UPR-VFTA.", Required = true };
        var output = new Option<string>("--out") { Description = "The file to write (its directory is created if missing; an existing file is replaced).", Required = true };
        var orgRef = new Option<string>("--reporting-org-ref") { Description = "The publisher's IATI organisation identifier.", DefaultValueFactory = _ => IatiOptions.DefaultReportingOrgRef };
        var orgName = new Option<string>("--reporting-org-name") { Description = "The publisher's name.", DefaultValueFactory = _ => IatiOptions.DefaultReportingOrgName };
        var orgType = new Option<string>("--reporting-org-type") { Description = "The publisher's IATI OrganisationType code (40 = multilateral).", DefaultValueFactory = _ => IatiOptions.DefaultReportingOrgType };
        var command = new Command("iati", "Write an IATI 2.03 activity file: one activity per grant the fund approved.") { fund, output, orgRef, orgName, orgType };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var code = FundCode.Parse(parse.GetValue(fund));
            var options = new IatiOptions
            {
                ReportingOrgRef = parse.GetValue(orgRef)!,
                ReportingOrgName = parse.GetValue(orgName)!,
                ReportingOrgType = parse.GetValue(orgType)!,
            };
            var path = Path.GetFullPath(parse.GetValue(output)!);

            // The whole file is made before anything touches the disk, so an unknown fund or a refused option leaves no file.
            using var buffer = new MemoryStream();
            var activities = await IatiActivityFile.WriteAsync(system, code, buffer, options, ct);
            await WriteFileAsync(path, buffer, ct);
            Console.WriteLine($"{path}: {activities} IATI activities of fund {code}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Ledger()
    {
        var fund = new Option<string>("--fund") { Description = "Fund code, e.g. UPR-VFTA.", Required = true };
        var from = new Option<string?>("--from") { Description = "The first entry date exported (yyyy-MM-dd). Default: from the first entry." };
        var to = new Option<string?>("--to") { Description = "The last entry date exported (yyyy-MM-dd). Default: to the last entry." };
        // Checked by the export rather than the parser, so that an unknown format exits 2 like any other bad input.
        var format = new Option<string>("--format") { Description = "csv (journal.csv, general-ledger.csv, trial-balance.csv) or xlsx (ledger.xlsx).", Required = true };
        var output = new Option<string>("--out") { Description = "The directory to write into (created if missing; files of the same name are replaced).", Required = true };
        var command = new Command("ledger", "Write a fund's journal, general ledger and trial balance for auditors, with manifest.json (SHA-256 of each file, chain head).")
        {
            fund, from, to, format, output,
        };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var request = new LedgerExportRequest(
                FundCode.Parse(parse.GetValue(fund)),
                CliDatabase.ParseDate(parse.GetValue(from), "--from"),
                CliDatabase.ParseDate(parse.GetValue(to), "--to"),
                LedgerExportRequest.ParseFormat(parse.GetValue(format)));
            var directory = Path.GetFullPath(parse.GetValue(output)!);
            var created = !Directory.Exists(directory);
            ExportManifest manifest;
            var target = new DirectoryTarget(directory);
            try
            {
                // The fund is looked up before the first file is created, so a refusal leaves nothing behind.
                manifest = await LedgerExport.WriteAsync(system, request, target, ct);
                target.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"Cannot write {directory}: {e.Message}");
            }
            finally
            {
                // Removes the files of an export that failed half-way, and the directory if this export made it.
                target.Dispose();
                if (created && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }

            foreach (var file in manifest.Files)
            {
                Console.WriteLine($"{Path.Combine(directory, file.Name)}: {file.Rows} rows, sha256 {file.Sha256}");
            }

            Console.WriteLine($"{Path.Combine(directory, ExportManifest.FileName)}: {manifest.Entries} entries, {manifest.Lines} lines of fund {manifest.Fund}"
                + (manifest.FirstEntry is { } first && manifest.LastEntry is { } last ? $" (entries {first.Sequence} to {last.Sequence})" : "")
                + $"; chain head {manifest.ChainHead.Sequence} {manifest.ChainHead.Hash}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Verify()
    {
        var directory = new Option<string>("--dir") { Description = "The directory of a ledger export (holding manifest.json).", Required = true };
        var command = new Command("verify", "Check a ledger export offline: each file's SHA-256 against the manifest, and the journal's hash chain recomputed from its fields. Prints 'intact' or names the first broken entry (exit 1).")
        {
            directory,
        };
        command.SetAction((parse, ct) => CliDatabase.GuardAsync(async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(directory)!);
            if (!Directory.Exists(path))
            {
                throw new CliUsageException($"There is no directory {path}.");
            }

            var result = LedgerExportVerifier.Verify(path, ct);
            Console.WriteLine(result);
            if (result.Intact)
            {
                await Console.Error.WriteLineAsync($"{result.EntriesChecked} journal entries and every file's SHA-256 checked.");
            }

            return result.Intact ? 0 : 1;
        }));
        return command;
    }

    /// <summary>Writes beside the target and then moves into place, so a reader never sees half a file.</summary>
    private static async Task WriteFileAsync(string path, MemoryStream content, CancellationToken ct)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(temporary, content.ToArray(), ct);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new CliUsageException($"Cannot write {path}: {e.Message}");
        }
    }
}
