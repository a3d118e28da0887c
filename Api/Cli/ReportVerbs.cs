using System.CommandLine;
using FundManager.Funds;
using FundManager.Reporting.Board;
using FundManager.Reporting.Figures;

namespace FundManager.Api.Cli;

/// <summary><c>report board</c>: the reports the Board of Trustees, donors and the secretariat read.</summary>
public static class ReportVerbs
{
    public static Command Build()
    {
        var report = new Command("report", "Write the Board of Trustees workbook and other reports.");
        report.Subcommands.Add(Board());
        return report;
    }

    private static Command Board()
    {
        var fund = new Option<string>("--fund") { Description = "Fund code, e.g. UPR-VFTA.", Required = true };
        var year = new Option<int>("--year") { Description = "The calendar year reported on.", Required = true };
        var output = new Option<string>("--out") { Description = "The directory to write into (created if missing).", Required = true };
        var command = new Command("board", "The Board of Trustees workbook (Excel): summary, contributions, pledges, grants, disbursements, results, distribution, trial balance.") { fund, year, output };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var figures = await new FundYearBuilder(system).BuildAsync(FundCode.Parse(parse.GetValue(fund), "fund"), ReportPeriod.Year(parse.GetValue(year)), ct);
            var path = await OutputFile.WriteAsync(parse.GetValue(output)!, BoardWorkbook.FileName(figures), stream =>
            {
                BoardWorkbook.Write(figures, stream);
                return Task.CompletedTask;
            });
            Console.WriteLine(path);
            return 0;
        }, ct));
        return command;
    }
}
