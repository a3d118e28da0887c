using FundManager.Api.Imports;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Finance;
using FundManager.Recommendations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>UPR recommendations and exchange rates.</summary>
public static class ReferenceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var recommendations = api.MapGroup("/recommendations").WithTags("UPR recommendations");
        recommendations.MapGet("/", ListRecommendationsAsync).RequireAuthorization(Policies.Staff);
        recommendations.MapPost("/", RegisterRecommendationAsync).RequireAuthorization(Policies.Officer).Sends<RegisterRecommendation>();
        recommendations.MapPost("/imports", ImportRecommendationsAsync)
            .WithDescription("Body: an export of UPR recommendations from the Universal Human Rights Index, as CSV (text/csv) or an XLSX workbook, with the columns OHCHR Annotation Id, Text, Countries Concerned, UPR Reccomending States, UPR Position, UPR Session and optionally UPR Cycle, Themes, Affected Persons, Sdgs and Document Symbol (multi-value cells: one value per line, each prefixed '- '). Every line is checked before any is stored; a bad line is refused by its number. Recommendations are registered, revised or left unchanged by annotation id.")
            .RequireAuthorization(Policies.Admin)
            .Sends<ImportRecommendation>();
        recommendations.MapGet("/{id}", GetRecommendationAsync).RequireAuthorization(Policies.Staff);

        var rates = api.MapGroup("/exchange-rates").WithTags("Exchange rates");
        rates.MapGet("/", ListRatesAsync).RequireAuthorization();
        rates.MapPost("/", ImportRatesAsync)
            .WithDescription("Body: the UN Treasury's table of operational rates of exchange as CSV (text/csv) or an XLSX workbook: a header naming the currency code, the rate (units per US dollar) and the effective date (other columns ignored), or code,rate,yyyy-MM-dd lines. effectiveOn: the date for rows without one. Every rate or none; a rate differing from one recorded for the same currency and date is refused, naming its line.")
            .RequireAuthorization(Policies.Admin)
            .Refuses(BusinessRule.UnknownCurrency, BusinessRule.ExchangeRateConflict);
    }

    public static async Task<Ok<Page<RecommendationView>>> ListRecommendationsAsync(
        int? limit, string? cursor, string? country, RecommendationPosition? position, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await Paging.PageAsync<UprRecommendation, RecommendationEvent, RecommendationView>(
            system,
            Paging.Query(EntityKind.Recommendation, limit, cursor) with { Country = country?.ToUpperInvariant(), Category = position?.ToString() },
            r => r.Id, RecommendationView.Of, ct));

    public static async Task<Created<CommandResponse>> RegisterRecommendationAsync(RegisterRecommendation body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Created(http, await system.Recommendations.HandleAsync(body, http.Command(creates: true), ct));

    /// <summary>An export of the Universal Human Rights Index, CSV or XLSX (see <see cref="UhriExport"/>): an upsert by annotation id.</summary>
    public static async Task<Ok<UhriImportResult>> ImportRecommendationsAsync(HttpRequest request, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await UhriImport.ImportAsync(system, request.Body, request.HttpContext.User(), "body", ct));

    public static async Task<Ok<RecommendationView>> GetRecommendationAsync(string id, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Found(http, await system.Entities.LoadAsync<UprRecommendation, RecommendationEvent>(StreamId.ForRecommendation(id), ct), RecommendationView.Of);

    public static async Task<Ok<Page<ExchangeRateView>>> ListRatesAsync(
        string? currency, DateOnly? from, DateOnly? to, string? cursor, int? limit, FundSystem system, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        var found = await system.Rates.FindAsync(currency is null ? null : CurrencyCode.Parse(currency, "currency"), from, to, cursor, size + 1, ct);
        return TypedResults.Ok(Paging.Of(
            found, size, r => Persistence.ExchangeRateStore.Key(r.Currency, r.EffectiveOn), r => new ExchangeRateView(r.Currency.Code, r.UnitsPerUsd, r.EffectiveOn)));
    }

    /// <summary>The UN Treasury's table as published, CSV or XLSX (see <see cref="UnRatesTable"/>).</summary>
    public static async Task<Ok<RateImportResult>> ImportRatesAsync(HttpRequest request, DateOnly? effectiveOn, FundSystem system, CancellationToken ct)
    {
        var http = request.HttpContext;
        var result = await RateImport.ImportAsync(system.Rates, request.Body, effectiveOn, "body", AuditTrail.EntryFor(http, StatusCodes.Status200OK), ct);
        AuditTrail.Written(http);
        return TypedResults.Ok(result);
    }
}
