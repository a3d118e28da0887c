using System.Security.Claims;
using FundManager.Api.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Login, refresh and logout with ASP.NET Core's bearer tokens; login is rate-limited and failures lock the account.</summary>
public static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static void Map(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/login", LoginAsync).IssuesTokens(Problems.LoginFailed);
        auth.MapPost("/refresh", RefreshAsync).IssuesTokens(Problems.RefreshFailed);
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization();
    }

    /// <summary>
    /// An endpoint that answers anyone with new tokens, or with <paramref name="failure"/> (401); rate-limited with login,
    /// since both can be used to guess.
    /// </summary>
    private static RouteHandlerBuilder IssuesTokens(this RouteHandlerBuilder endpoint, string failure) =>
        endpoint.AllowAnonymous()
            .RequireRateLimiting(LoginRateLimit)
            .Produces<AccessTokenResponse>()
            .WithMetadata(new ProblemResponses.AlsoAnswers(StatusCodes.Status401Unauthorized, failure))
            .WithMetadata(new ProblemResponses.AlsoAnswers(StatusCodes.Status429TooManyRequests));

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest body, UserStore users, TimeProvider clock, CancellationToken ct)
    {
        var user = await users.VerifyAsync(body.Email ?? "", body.Password ?? "", ct);
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "login failed", type: Problems.LoginFailed,
                detail: "The e-mail or password is wrong, or the account is disabled or locked after repeated failures.")
            : TypedResults.SignIn(Principal(user, clock), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest body, UserStore users, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var ticket = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(body.RefreshToken ?? "");
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires < clock.GetUtcNow()
            || ticket.Principal.FindFirstValue(ClaimTypes.Name) is not { } email
            || await users.FindAsync(email, ct) is not { } user || !user.Accepts(IssuedAt(ticket.Principal)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "refresh failed", type: Problems.RefreshFailed,
                detail: "The refresh token is not valid, has expired, or its user is disabled.");
        }

        return TypedResults.SignIn(Principal(user, clock), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    /// <summary>Ends every token issued to the user until now, on every device.</summary>
    public static async Task<NoContent> LogoutAsync(HttpContext http, UserStore users, CancellationToken ct)
    {
        await users.RevokeTokensAsync(http.User().Value, ct);
        return TypedResults.NoContent();
    }

    /// <summary>When the token was issued, to the tick (the ticket's own time keeps only seconds).</summary>
    public static DateTimeOffset? IssuedAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(IssuedClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    private const string IssuedClaim = "fundmanager:issued";

    /// <summary>The user as a signed-in principal of <paramref name="scheme"/>, stamped with when it was issued (see <see cref="IssuedAt"/>).</summary>
    public static ClaimsPrincipal Principal(UserAccount user, TimeProvider clock, string scheme = BearerTokenDefaults.AuthenticationScheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Email),
            new(IssuedClaim, clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.DonorId is { } donor)
        {
            claims.Add(new Claim(RequestContext.DonorClaim, donor.ToString("D")));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
