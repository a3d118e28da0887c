using FundManager.Api.Http;
using Microsoft.AspNetCore.Antiforgery;

namespace FundManager.Api.Identity;

/// <summary>
/// A sign-in form as the admin pages and the portal post it: its antiforgery token checked, the local path to return
/// to, and the user its e-mail and password verify (null when they do not).
/// </summary>
public sealed record SignInForm(UserAccount? User, string ReturnUrl)
{
    /// <summary>
    /// The form posted, or a problem (400) when it was not posted from a sign-in page; <paramref name="fallback"/> is
    /// where to return when the form names no local path.
    /// </summary>
    public static async Task<(SignInForm? Form, IResult? Refusal)> ReadAsync(
        HttpContext http, IAntiforgery antiforgery, UserStore users, string fallback, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return (null, Problems.Input("form", "Sign in from the sign-in page."));
        }

        var form = await http.Request.ReadFormAsync(ct);
        var user = await users.VerifyAsync(form["email"].ToString(), form["password"].ToString(), ct);
        return (new SignInForm(user, SignInCookie.LocalPath(form["returnUrl"], fallback)), null);
    }
}
