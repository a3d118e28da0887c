using System.Net;
using FundManager.Api.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace FundManager.Api.Http.Endpoints;

/// <summary>
/// The Orleans dashboard at <c>/admin/cluster</c> (silos, activations, calls), for administrators only: with a bearer
/// token, or in a browser after signing in at <c>/admin/sign-in</c> (a cookie that only these pages accept). The pages
/// are not part of the JSON API and not in its OpenAPI document.
/// </summary>
public static class AdminEndpoints
{
    public const string DashboardPath = "/admin/cluster";
    public const string SignInPath = "/admin/sign-in";

    /// <summary>The dashboard's authentication: a bearer token when the request carries one, else the admin pages' cookie.</summary>
    public const string Scheme = "admin";

    /// <summary>
    /// The dashboard's cookie: for <c>/admin</c> only, HttpOnly, SameSite strict, Secure over HTTPS, an hour long; refused
    /// as soon as its user is disabled, loses the admin role, or logs out (as bearer tokens are).
    /// </summary>
    public static void ConfigureCookie(CookieAuthenticationOptions options) =>
        SignInCookie.Configure(options, "fundmanager-admin", "/admin", TimeSpan.FromHours(1), SignInPath, Role.Admin);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(DashboardPath)
            .RequireAuthorization(Policies.ClusterAdmin)
            .ExcludeFromDescription();

        app.MapGet(SignInPath, ShowSignIn)
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost(SignInPath, SignInAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AuthEndpoints.LoginRateLimit)
            .ExcludeFromDescription();
        app.MapPost("/admin/sign-out", SignOutAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static IResult ShowSignIn(string? returnUrl, HttpContext http, IAntiforgery antiforgery) =>
        SignInPage(http, antiforgery, returnUrl, failed: false);

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(http);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect(SignInPath);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, UserStore users, TimeProvider clock, CancellationToken ct)
    {
        var (form, refusal) = await SignInForm.ReadAsync(http, antiforgery, users, DashboardPath + "/", ct);
        if (form is null)
        {
            return refusal!;
        }

        var (user, returnUrl) = form;
        if (user is null || !user.Roles.Contains(Role.Admin))
        {
            return SignInPage(http, antiforgery, returnUrl, failed: true);
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthEndpoints.Principal(user, clock, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Redirect(returnUrl);
    }

    private static string LocalOrDashboard(string? url) => SignInCookie.LocalPath(url, DashboardPath + "/");

    private static IResult SignInPage(HttpContext http, IAntiforgery antiforgery, string? returnUrl, bool failed)
    {
        var token = antiforgery.GetAndStoreTokens(http);
        var message = failed ? "<p role=\"alert\">The e-mail or password is wrong, or the account is not an administrator's.</p>" : "";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>FundManager: sign in to the cluster dashboard</title>
            <style>body{font-family:sans-serif;max-width:26rem;margin:4rem auto}label{display:block;margin:.8rem 0}input{width:100%;padding:.4rem}</style></head>
            <body>
            <h1>Cluster dashboard</h1>
            <p>Administrators sign in to see the cluster's silos, activations and calls.</p>
            {{message}}
            <form method="post" action="{{SignInPath}}">
            <input type="hidden" name="{{token.FormFieldName}}" value="{{WebUtility.HtmlEncode(token.RequestToken)}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(LocalOrDashboard(returnUrl))}}">
            <label>E-mail <input name="email" type="email" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
