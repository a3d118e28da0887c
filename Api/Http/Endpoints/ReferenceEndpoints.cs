using System.Globalization;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Finance;
using FundManager.Recommendations;

namespace FundManager.Api.Http.Endpoints;

/// <summary>UPR recommendations and exchange rates.</summary>
public static class ReferenceEndpoints
{
    public const int MaxRateLines = 10_000;

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
            .Refuses(BusinessRule.EntityAlreadyExists, BusinessRule.UnknownCountry, BusinessRule.UnknownSdgTarget);

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

        // The UN operational rates form: one line per rate, "currency,units per USD,effective date" (a header line is allowed).
        rates.MapPost("/", async (HttpRequest request, FundSystem system, CancellationToken ct) =>
        {
            var http = request.HttpContext;
            using var reader = new StreamReader(request.Body);
            var parsed = new List<ExchangeRate>();
            var number = 0;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line) || (number == 1 && line.StartsWith("currency", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (parsed.Count >= MaxRateLines)
                {
                    throw RuleViolation.Of(BusinessRule.InvalidInput, $"At most {MaxRateLines} rates per import.", "body");
                }

                var fields = line.Split(',');
                var field = $"line {number}";
                if (fields.Length != 3
                    || !decimal.TryParse(fields[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
                    || !DateOnly.TryParseExact(fields[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
                {
                    throw RuleViolation.Of(BusinessRule.InvalidInput, $"Line {number} is not 'currency,units per USD,yyyy-MM-dd'.", field);
                }

                parsed.Add(new ExchangeRate(CurrencyCode.Parse(fields[0].Trim(), field), rate, BusinessDate.Check(on, field)));
            }

            var added = await system.Rates.RecordAsync(parsed, ct, AuditTrail.EntryFor(http, StatusCodes.Status200OK));
            AuditTrail.Written(http);
            return Results.Ok(new { Read = parsed.Count, Added = added });
        })
        .WithDescription("Body: text/csv, one rate per line: currency,units per USD,yyyy-MM-dd (a header line is allowed).")
        .RequireAuthorization(Policies.Admin)
        .Refuses(BusinessRule.UnknownCurrency, BusinessRule.ExchangeRateConflict);
    }
}
