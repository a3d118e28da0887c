using System.Security.Claims;
using FundManager.Api.Identity;

namespace FundManager.Api.Http;

/// <summary>
/// Bearer tokens are self-contained, so a token outlives a logout or a disabled account unless checked:
/// every authenticated request is refused (401) when its user is disabled or revoked tokens after this one was issued
/// (seen at once in this process, within <see cref="UserStore.TokenCheckFreshness"/> in another).
/// </summary>
public static class ActiveUsers
{
    public static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.Name) is { } email)
        {
            var issued = Endpoints.AuthEndpoints.IssuedAt(http.User);
            var user = await http.RequestServices.GetRequiredService<UserStore>().FindForTokenCheckAsync(email, http.RequestAborted);
            if (user is null || !user.Accepts(issued))
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "token revoked", type: Problems.TokenRevoked,
                    detail: "This token is no longer valid: the user logged out or was disabled.").ExecuteAsync(http);
                return;
            }
        }

        await next(http);
    }
}
