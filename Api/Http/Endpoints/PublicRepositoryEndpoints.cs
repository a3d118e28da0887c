using FundManager.Funds;
using FundManager.Grants;
using FundManager.Reporting.Iati;
using FundManager.Reporting.Repository;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>
/// The public repository of technical-cooperation activities, for anyone, signed in or not: approved grants searched by
/// country, region, UPR recommendation, SDG target, cooperation modality and year, as JSON pages or one CSV, and each
/// fund's IATI activity file.
/// </summary>
public static class PublicRepositoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public repository").AllowAnonymous();
        open.MapGet("/activities", SearchAsync)
            .WithDescription("Approved grants (and those active, completed or closed since), by id: what each is for, who carries it out, where, how (modality), what was approved and disbursed (USD), the UPR recommendations and SDG targets it serves and the outcomes reported. Nothing about donors.");
        open.MapGet("/activities.csv", SearchCsvAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithDescription("The same search as /public/activities, every match, as CSV.");
        open.MapGet("/activities/{id:guid}", GetAsync);
        open.MapGet("/funds/{code}/iati.xml", IatiAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .WithDescription("The fund's IATI 2.03 activity file: one activity per grant it approved.")
            .Refuses(Common.BusinessRule.InvalidFundCode);
    }

    public static async Task<Ok<Page<PublicActivity>>> SearchAsync(
        string? country, Reference.OhchrRegion? region, string? recommendation, string? sdgTarget, CooperationModality? modality, int? year, string? cursor, int? limit,
        FundSystem system, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        var search = Search(country, region, recommendation, sdgTarget, modality, year) with { After = Cursor(cursor) };
        var (page, more) = await new PublicRepository(system).SearchAsync(search, size, ct);
        return TypedResults.Ok(new Page<PublicActivity>(page, more ? page[^1].Id.ToString() : null));
    }

    public static async Task<FileContentHttpResult> SearchCsvAsync(
        string? country, Reference.OhchrRegion? region, string? recommendation, string? sdgTarget, CooperationModality? modality, int? year, FundSystem system, CancellationToken ct)
    {
        var (all, _) = await new PublicRepository(system).SearchAsync(Search(country, region, recommendation, sdgTarget, modality, year), int.MaxValue, ct);
        using var buffer = new MemoryStream();
        PublicActivityCsv.Write(all, buffer);
        return TypedResults.File(buffer.ToArray(), "text/csv", "activities.csv");
    }

    public static async Task<Ok<PublicActivity>> GetAsync(Guid id, FundSystem system, CancellationToken ct) =>
        await new PublicRepository(system).FindAsync(id, ct) is { } activity ? TypedResults.Ok(activity) : throw Responses.NotFound();

    public static async Task<FileContentHttpResult> IatiAsync(string code, FundSystem system, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await IatiActivityFile.WriteAsync(system, FundCode.Parse(code, "code"), buffer, IatiOptions.Default, ct);
        return TypedResults.File(buffer.ToArray(), "application/xml", $"{code}-iati-activities.xml");
    }

    private static ActivitySearch Search(string? country, Reference.OhchrRegion? region, string? recommendation, string? sdgTarget, CooperationModality? modality, int? year) =>
        new() { Country = country, Region = region, Recommendation = recommendation, SdgTarget = sdgTarget, Modality = modality, Year = year };

    private static string? Cursor(string? cursor) =>
        cursor is null || Guid.TryParse(cursor, out _) ? cursor : throw Common.RuleViolation.Of(Common.BusinessRule.InvalidInput, "The cursor is not one this API gave.", "cursor");
}
