using FundManager.Api.Identity;
using FundManager.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Administrators manage who may use the API. The first administrator is made on the command line.</summary>
public static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", ListAsync);
        users.MapPost("/", AddAsync).Refuses(BusinessRule.EntityAlreadyExists);
        users.MapPost("/{email}/roles", ChangeRolesAsync)
            .WithDescription("Replaces the user's roles and ends every token and cookie issued to them until now: they sign in again with the new roles.");
        users.MapPost("/{email}/disable", DisableAsync);
    }

    public static async Task<Ok<List<UserView>>> ListAsync(UserStore store, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(u => UserView.Of(u, clock.GetUtcNow())).ToList());

    public static async Task<Created<CommandResponse>> AddAsync(NewUser body, HttpContext http, UserStore store, CancellationToken ct) =>
        Responses.Created(http, await store.AddAsync(body, http.Command(creates: true), ct));

    public static async Task<Ok<CommandResponse>> ChangeRolesAsync(string email, RolesRequest body, HttpContext http, UserStore store, CancellationToken ct) =>
        Responses.Done(http, await store.ChangeRolesAsync(email, body.Roles, http.Command(), ct));

    public static async Task<Ok<CommandResponse>> DisableAsync(string email, HttpContext http, UserStore store, CancellationToken ct) =>
        Responses.Done(http, await store.DisableAsync(email, http.Command(), ct));
}

/// <summary>A user as administrators see it: never the password hash.</summary>
public sealed record UserView(string Email, IReadOnlyList<string> Roles, Guid? Donor, string State, DateTimeOffset CreatedAt)
{
    public static UserView Of(UserAccount user, DateTimeOffset now) =>
        new(user.Email, user.Roles, user.DonorId, user.Disabled ? "disabled" : user.IsLocked(now) ? "locked" : "active", user.CreatedAt);
}
