using System.CommandLine;
using FundManager.Funds;
using FundManager.Reporting.Iati;

namespace FundManager.Api.Cli;

/// <summary><c>export iati</c>: files for publication outside FundManager.</summary>
public static class ExportVerbs
{
    public static Command Build()
    {
        var export = new Command("export", "Write a fund's data in a standard format for publication.");
        export.Subcommands.Add(Iati());
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
