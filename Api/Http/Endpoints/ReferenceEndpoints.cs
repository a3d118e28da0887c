using FundManager.Api.Imports;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Finance;
using FundManager.Recommendations;

namespace FundManager.Api.Http.Endpoints;

/// <summary>UPR recommendations and exchange rates.</summary>
public static class ReferenceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var recommendations = api.MapGroup("/recommendations").WithTags("UPR recommendations");
        recommendations.MapGet("/", (int? limit, string? cursor, string? country, RecommendationPosition? position, FundSystem system, CancellationToken ct) =>
            Paging.PageAsync<UprRecommendation, RecommendationEvent, RecommendationView>(
                system,
                Paging.Query(EntityKind.Recommendation, limit, cursor) with { Country = country?.ToUpperInvariant(), Category = position?.ToString() },
                r => r.Id, RecommendationView.Of, ct))
            .RequireAuthorization(Policies.Staff);
        recommendations.MapPost("/", async (RegisterRecommendation body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Recommendations.HandleAsync(body, http.Command(creates: true), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<RegisterRecommendation>();

        // An export of the Universal Human Rights Index, CSV or XLSX (see UhriExport): an upsert by annotation id.
        recommendations.MapPost("/imports", async (HttpRequest request, FundSystem system, CancellationToken ct) =>
            Results.Ok(await UhriImport.ImportAsync(system, request.Body, request.HttpContext.User(), "body", ct)))
            .WithDescription("Body: an export of UPR recommendations from the Universal Human Rights Index, as CSV (text/csv) or an XLSX workbook, with the columns OHCHR Annotation Id, Text, Countries Concerned, UPR Reccomending States, UPR Position, UPR Session and optionally UPR Cycle, Themes, Affected Persons, Sdgs and Document Symbol (multi-value cells: one value per line, each prefixed '- '). Every line is checked before any is stored; a bad line is refused by its number. Recommendations are registered, revised or left unchanged by annotation id.")
            .RequireAuthorization(Policies.Admin)
            .Refuses(BusinessRule.UnknownCountry, BusinessRule.UnknownSdgTarget);

        recommendations.MapGet("/{id}", async (string id, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Found(http, await system.Entities.LoadAsync<UprRecommendation, RecommendationEvent>(StreamId.ForRecommendation(id), ct), RecommendationView.Of))
            .RequireAuthorization(Policies.Staff);

        var rates = api.MapGroup("/exchange-rates").WithTags("Exchange rates");
        rates.MapGet("/", async (string? currency, DateOnly? from, DateOnly? to, string? cursor, int? limit, FundSystem system, CancellationToken ct) =>
        {
            var size = Paging.Limit(limit);
            var found = await system.Rates.FindAsync(currency is null ? null : CurrencyCode.Parse(currency, "currency"), from, to, cursor, size + 1, ct);
            return Paging.Of(found, size, r => Persistence.ExchangeRateStore.Key(r.Currency, r.EffectiveOn), r => new ExchangeRateView(r.Currency.Code, r.UnitsPerUsd, r.EffectiveOn));
        })
        .RequireAuthorization();

        // The UN Treasury's table as published, CSV or XLSX (see UnRatesTable).
        rates.MapPost("/", async (HttpRequest request, DateOnly? effectiveOn, FundSystem system, CancellationToken ct) =>
        {
            var http = request.HttpContext;
            var result = await RateImport.ImportAsync(system.Rates, request.Body, effectiveOn, "body", AuditTrail.EntryFor(http, StatusCodes.Status200OK), ct);
            AuditTrail.Written(http);
            return Results.Ok(result);
        })
        .WithDescription("Body: the UN Treasury's table of operational rates of exchange as CSV (text/csv) or an XLSX workbook: a header naming the currency code, the rate (units per US dollar) and the effective date (other columns ignored), or code,rate,yyyy-MM-dd lines. effectiveOn: the date for rows without one. Every rate or none; a rate differing from one recorded for the same currency and date is refused, naming its line.")
        .RequireAuthorization(Policies.Admin)
        .Refuses(BusinessRule.UnknownCurrency, BusinessRule.ExchangeRateConflict);
    }
}
