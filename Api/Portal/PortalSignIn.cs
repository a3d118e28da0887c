using FundManager.Api.Http;
using FundManager.Api.Http.Endpoints;
using FundManager.Api.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FundManager.Api.Portal;

/// <summary>
/// Signing in to the web pages: the API's users, passwords and lockout, with a cookie of the pages' own (HttpOnly,
/// SameSite strict, Secure over HTTPS, eight hours) instead of a bearer token. Signing out ends every token and cookie
/// of the user issued until then, as the API's logout does; a cookie of a user disabled since is refused.
/// </summary>
public static class PortalSignIn
{
    public const string Scheme = "portal";
    public const string SignInPath = "/sign-in";

    // Where the forms post: apart from the pages, whose routes answer posts of their own.
    public const string SignInAction = "/account/sign-in";
    public const string SignOutAction = "/account/sign-out";

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        SignInCookie.Configure(options, "fundmanager-portal", "/", TimeSpan.FromHours(8), SignInPath, requiredRole: null);

        // A signed-in user on a page of another role is told so (the status page, 403), not sent to sign in again.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Middleware: on the pages (not the admin pages, not a request that brings a bearer token) the caller is whoever
    /// the pages' cookie names, so every page, and the antiforgery tokens its forms carry, see the same user. The
    /// downloads the pages link to (reports, the ledger export) are the API's own GET endpoints, read with the same
    /// cookie: a GET changes nothing and the cookie is SameSite strict, so no other site can use it to post.
    /// </summary>
    public static async Task AuthenticateAsync(HttpContext http, Func<Task> next)
    {
        var path = http.Request.Path;
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if ((read || !path.StartsWithSegments("/api")) && !path.StartsWithSegments("/admin") && http.Request.Headers.Authorization.Count == 0
            && await http.AuthenticateAsync(Scheme) is { Succeeded: true } signedIn)
        {
            http.User = signedIn.Principal;
        }

        await next();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(SignInAction, SignInAsync).AllowAnonymous().RequireRateLimiting(AuthEndpoints.LoginRateLimit).ExcludeFromDescription();
        app.MapPost(SignOutAction, async (HttpContext http, IAntiforgery antiforgery, UserStore users, CancellationToken ct) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return Problems.Input("form", "Sign out with the page's button.");
            }

            if (http.User.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value is { } email)
            {
                await users.RevokeTokensAsync(email, ct);
            }

            await http.SignOutAsync(Scheme);
            return Results.Redirect("/");
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
    }

    public static string Local(string? url) => SignInCookie.LocalPath(url, "/");

    // Post, redirect, get: a failed attempt goes back to the page, which says so; a refresh never posts the password again.
    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, UserStore users, TimeProvider clock, CancellationToken ct)
    {
        var (form, refusal) = await SignInForm.ReadAsync(http, antiforgery, users, "/", ct);
        if (form is null)
        {
            return refusal!;
        }

        var (user, returnUrl) = form;
        if (user is null)
        {
            return Results.Redirect($"{SignInPath}?failed=true&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var principal = AuthEndpoints.Principal(user, clock, Scheme);
        await http.SignInAsync(Scheme, principal);

        // Signed in from the home page: to the first page of the user's role (a donor's pledges, an officer's work queue).
        return Results.Redirect(returnUrl == "/" ? PortalMenu.LandingOf(principal) : returnUrl);
    }
}
