using System.CommandLine;
using FundManager.Funds;
using FundManager.Reporting.Board;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Narrative;
using FundManager.Reporting.Templates;
using FundManager.Reporting.Utilisation;
using FundManager.Api.Templates;

namespace FundManager.Api.Cli;

/// <summary><c>report board</c>: the reports the Board of Trustees, donors and the secretariat read.</summary>
public static class ReportVerbs
{
    public static Command Build()
    {
        var report = new Command("report", "Write the Board of Trustees workbook and other reports.");
        report.Subcommands.Add(Board());
        report.Subcommands.Add(Narrative());
        report.Subcommands.Add(Donor());
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

    private static Command Narrative()
    {
        var fund = new Option<string>("--fund") { Description = "Fund code, e.g. UPR-VFTA.", Required = true };
        var year = new Option<int>("--year") { Description = "The calendar year reported on.", Required = true };
        var output = new Option<string>("--out") { Description = "The directory to write into (created if missing).", Required = true };
        var command = new Command("narrative", "The narrative report (Word and HTML) from the editable template config/templates/narrative.md.sbn.") { fund, year, output, Templates };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var figures = await new FundYearBuilder(system).BuildAsync(FundCode.Parse(parse.GetValue(fund), "fund"), ReportPeriod.Year(parse.GetValue(year)), ct);
            var report = new NarrativeReport(await TemplatesOf(parse, system, ct));
            var document = report.Render(figures);
            var html = report.Html(document);
            Console.WriteLine(await OutputFile.WriteAsync(parse.GetValue(output)!, NarrativeReport.FileName(figures, "docx"), stream =>
            {
                NarrativeReport.Docx(document, stream);
                return Task.CompletedTask;
            }));
            Console.WriteLine(await OutputFile.WriteAsync(parse.GetValue(output)!, NarrativeReport.FileName(figures, "html"), stream => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(html)).AsTask()));
            return 0;
        }, ct));
        return command;
    }

    private static Command Donor()
    {
        var donor = new Option<Guid>("--donor") { Description = "The donor's id.", Required = true };
        var year = new Option<int?>("--year") { Description = "The calendar year reported on." };
        var cumulative = new Option<bool>("--cumulative") { Description = "Everything since the funds began, up to today." };
        var output = new Option<string>("--out") { Description = "The directory to write into (created if missing).", Required = true };
        var command = new Command("donor", "A donor's utilisation statement (Excel and HTML): what it gave and what its money paid for.") { donor, year, cumulative, output, Templates };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var period = (parse.GetValue(year), parse.GetValue(cumulative)) switch
            {
                ({ } y, false) => ReportPeriod.Year(y),
                (null, true) => ReportPeriod.Cumulative(DateOnly.FromDateTime(system.Clock.GetUtcNow().UtcDateTime)),
                _ => throw new CliUsageException("Give either --year YYYY or --cumulative."),
            };
            var statement = await new DonorStatementBuilder(system).BuildAsync(parse.GetValue(donor), period, ct);
            var html = DonorStatementPage.Render(await TemplatesOf(parse, system, ct), statement);
            Console.WriteLine(await OutputFile.WriteAsync(parse.GetValue(output)!, DonorStatementWorkbook.FileName(statement, "xlsx"), stream =>
            {
                DonorStatementWorkbook.Write(statement, stream);
                return Task.CompletedTask;
            }));
            Console.WriteLine(await OutputFile.WriteAsync(parse.GetValue(output)!, DonorStatementWorkbook.FileName(statement, "html"), stream => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(html)).AsTask()));
            return 0;
        }, ct));
        return command;
    }

    /// <summary>
    /// The report templates: the files of <c>--templates</c>, else of <c>FUNDMANAGER_TEMPLATES</c>, else the checkout's or
    /// the installed copy; overlaid, as for the server, by the versions administrators saved in the database.
    /// </summary>
    private static readonly Option<string?> Templates = new("--templates") { Description = $"Directory of the report templates. Default: {TemplateLibrary.EnvironmentVariable}, else config/templates." };

    private static Task<TemplateLibrary> TemplatesOf(ParseResult parse, FundSystem system, CancellationToken ct) =>
        new TemplateStore(system.DataSource, parse.GetValue(Templates) is { } directory ? new TemplateLibrary(directory) : TemplateLibrary.Default(), system.Clock)
            .LibraryAsync(ct);
}
