using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>The funds: anyone signed in reads them; administrators create them and change their rates.</summary>
public static class FundEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var funds = api.MapGroup("/funds").WithTags("Funds");
        funds.MapGet("/", ListAsync).RequireAuthorization();
        funds.MapGet("/{code}", GetAsync).RequireAuthorization().Refuses(BusinessRule.InvalidFundCode);
        funds.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin).Sends<CreateFund>();
        funds.MapPost("/{code}/rates", ChangeRatesAsync).RequireAuthorization(Policies.Admin).Sends<ChangeFundRates>();
    }

    public static async Task<Ok<List<FundView>>> ListAsync(FundSystem system, CancellationToken ct) =>
        TypedResults.Ok((await system.Entities.AllAsync<Fund, FundEvent>(EntityKind.Fund, ct: ct)).Select(FundView.Of).OrderBy(f => f.Code, StringComparer.Ordinal).ToList());

    public static async Task<Ok<FundView>> GetAsync(string code, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Found(http, await system.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(FundCode.Parse(code, "code")), ct), FundView.Of);

    public static async Task<Created<CommandResponse>> CreateAsync(CreateFund body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Created(http, await system.Funds.HandleAsync(body, http.Command(creates: true), ct));

    public static async Task<Ok<CommandResponse>> ChangeRatesAsync(string code, ChangeRatesRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Done(http, await system.Funds.HandleAsync(new ChangeFundRates(FundCode.Parse(code, "code").Value, body.PscRate, body.ReserveRate), http.Command(), ct));
}
