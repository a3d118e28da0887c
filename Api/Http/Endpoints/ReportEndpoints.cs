using FundManager.Common;
using FundManager.Funds;
using FundManager.Reporting.Board;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Narrative;
using FundManager.Api.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>The Board of Trustees' reports: the year's figures as JSON, the Excel workbook and the narrative, all from one <see cref="FundYearBuilder"/> computation.</summary>
public static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/funds/{code}/reports").WithTags("Reports").RequireAuthorization(Policies.Reports)
            .Refuses(BusinessRule.InvalidFundCode);
        reports.MapGet("/board/{year:int}", BoardFiguresAsync)
            .WithSummary("The figures of the Board workbook for a year, as JSON: the same computation as the workbook.");
        reports.MapGet("/board/{year:int}.xlsx", BoardWorkbookAsync)
            .Produces(StatusCodes.Status200OK, contentType: ReportFiles.Xlsx)
            .WithSummary("The Board of Trustees workbook for a year (Excel).");
        reports.MapGet("/narrative/{year:int}.docx", NarrativeDocxAsync)
            .Produces(StatusCodes.Status200OK, contentType: ReportFiles.Docx)
            .WithSummary("The narrative report for a year (Word), from the template narrative.md.sbn.");
        reports.MapGet("/narrative/{year:int}.html", NarrativePageAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithSummary("The narrative report for a year as a self-contained HTML page (SVG charts, print stylesheet).");
    }

    public static async Task<Ok<BoardFiguresView>> BoardFiguresAsync(string code, int year, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(BoardFiguresView.Of(await new FundYearBuilder(system).BuildAsync(FundCode.Parse(code, "code"), ReportPeriod.Year(year), ct)));

    /// <summary>A workbook of one fund's year is small: made in memory, then sent without blocking a thread.</summary>
    public static async Task<FileStreamHttpResult> BoardWorkbookAsync(string code, int year, FundSystem system, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var name = await ReportFiles.BoardWorkbookAsync(system, FundCode.Parse(code, "code"), year, buffer, _ => { }, ct);
        buffer.Position = 0;
        return TypedResults.File(buffer, ReportFiles.Xlsx, name);
    }

    public static async Task<FileStreamHttpResult> NarrativeDocxAsync(string code, int year, FundSystem system, TemplateStore templates, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var name = await ReportFiles.NarrativeDocxAsync(system, await templates.LibraryAsync(ct), FundCode.Parse(code, "code"), year, buffer, _ => { }, ct);
        buffer.Position = 0;
        return TypedResults.File(buffer, ReportFiles.Docx, name);
    }

    public static async Task<ContentHttpResult> NarrativePageAsync(string code, int year, FundSystem system, TemplateStore templates, CancellationToken ct)
    {
        var figures = await new FundYearBuilder(system).BuildAsync(FundCode.Parse(code, "code"), ReportPeriod.Year(year), ct);
        var report = new NarrativeReport(await templates.LibraryAsync(ct));
        return TypedResults.Content(report.Html(report.Render(figures)), "text/html; charset=utf-8");
    }
}

/// <summary>The Board's figures as the API shows them (the trial balance in its API form).</summary>
public sealed record BoardFiguresView(
    FundProfile Fund, DateOnly From, DateOnly To, DateTimeOffset GeneratedAt, IncomeStatement Statement, IReadOnlyList<DonorContribution> Contributions,
    IReadOnlyList<DonorContribution> CumulativeContributions, IReadOnlyList<int> ScheduleYears, IReadOnlyList<PledgeSchedule> Pledges,
    IReadOnlyList<PredictabilityYear> Predictability, IReadOnlyList<GrantLine> Grants, IReadOnlyList<DisbursementLine> Disbursements,
    IReadOnlyList<RecommendationChange> RecommendationChanges, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<DistributionLine> Distribution,
    TrialBalanceView TrialBalance)
{
    public static BoardFiguresView Of(FundYearFigures f) => new(
        f.Fund, f.Period.Start, f.Period.End, f.GeneratedAt, f.Statement, f.Contributions, f.CumulativeContributions, f.ScheduleYears, f.Pledges,
        f.Predictability, f.Grants, f.Disbursements, f.RecommendationChanges, f.Indicators, f.Distribution, TrialBalanceView.Of(f.TrialBalance));
}
