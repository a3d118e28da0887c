using FundManager.Api.Http.Endpoints;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FundManager.Api.Identity;

/// <summary>
/// The cookies pages sign in with (the admin pages', the portal's): HttpOnly, SameSite strict, Secure over HTTPS, a fixed
/// lifetime; refused as soon as the user is disabled, logs out (as bearer tokens are), or loses the role the pages need.
/// </summary>
public static class SignInCookie
{
    public static void Configure(CookieAuthenticationOptions options, string name, string path, TimeSpan lifetime, string signInPath, string? requiredRole)
    {
        options.Cookie.Name = name;
        options.Cookie.Path = path;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = lifetime;
        options.SlidingExpiration = false;
        options.LoginPath = signInPath;
        options.Events.OnValidatePrincipal = async context =>
        {
            var email = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value;
            var user = email is null ? null : await context.HttpContext.RequestServices.GetRequiredService<UserStore>().FindForTokenCheckAsync(email);
            if (user is null || !user.Accepts(AuthEndpoints.IssuedAt(context.Principal!)) || (requiredRole is not null && !user.Roles.Contains(requiredRole)))
            {
                context.RejectPrincipal();
            }
        };
    }

    /// <summary>Where to go after signing in: a path of this server only, never a redirect elsewhere.</summary>
    public static string LocalPath(string? url, string fallback) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not ('/' or '\\') ? url : fallback;
}
