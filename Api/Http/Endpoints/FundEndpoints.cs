using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;

namespace FundManager.Api.Http.Endpoints;

public static class FundEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var funds = api.MapGroup("/funds").WithTags("Funds");
        funds.MapGet("/", async (FundSystem system, CancellationToken ct) =>
            (await system.Entities.AllAsync<Fund, FundEvent>(EntityKind.Fund, ct: ct)).Select(FundView.Of).OrderBy(f => f.Code, StringComparer.Ordinal).ToList())
            .RequireAuthorization();
        funds.MapGet("/{code}", async (string code, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Found(http, await system.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(FundCode.Parse(code, "code")), ct), FundView.Of))
            .RequireAuthorization()
            .Refuses(BusinessRule.InvalidFundCode);
        funds.MapPost("/", async (CreateFund body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Funds.HandleAsync(body, http.Command(creates: true), ct)))
            .RequireAuthorization(Policies.Admin)
            .Sends<CreateFund>();
        funds.MapPost("/{code}/rates", async (string code, ChangeRatesRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Done(http, await system.Funds.HandleAsync(new ChangeFundRates(FundCode.Parse(code, "code").Value, body.PscRate, body.ReserveRate), http.Command(), ct)))
            .RequireAuthorization(Policies.Admin)
            .Sends<ChangeFundRates>();
    }
}
