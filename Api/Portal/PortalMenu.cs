using System.Security.Claims;
using FundManager.Api.Http.Endpoints;
using Microsoft.AspNetCore.Authorization;

namespace FundManager.Api.Portal;

/// <summary>The pages a signed-in user is offered: those whose policy (README's access table) lets them in.</summary>
public static class PortalMenu
{
    public sealed record Item(string Path, string Text, string Policy);

    private static readonly Item[] Items =
    [
        new("/my/pledges", "My pledges", Policies.Donor),
        new("/my/receipts", "My receipts", Policies.Donor),
        new("/my/utilisation", "How my money was used", Policies.Donor),
        new("/work", "Work queue", Policies.Officer),
        new("/approvals", "Approvals", Policies.Approver),
        new("/pledges", "Pledges", Policies.Secretariat),
        new("/grants", "Grants", Policies.Staff),
        new("/donors", "Donors", Policies.Staff),
        new("/recommendations", "UPR recommendations", Policies.Staff),
        new("/board", "Board", Policies.Reports),
        new("/ledger", "Ledger", Policies.Ledger),
        new("/audit", "Audit log", Policies.Audit),
        new("/users", "Users", Policies.Admin),
        new("/funds", "Funds and rates", Policies.Admin),
        new("/templates", "Report templates", Policies.Admin),
        new("/cluster", "Cluster", Policies.Admin),
    ];

    // Where each role starts after signing in, in this order for a user of several roles.
    private static readonly (string Role, string Path)[] Landings =
    [
        (Identity.Role.Donor, "/my/pledges"), (Identity.Role.Officer, "/work"), (Identity.Role.Approver, "/approvals"),
        (Identity.Role.Board, "/board"), (Identity.Role.Auditor, "/ledger"), (Identity.Role.Admin, "/users"),
    ];

    /// <summary>The page a user starts on: their role's own (a donor's pledges, an officer's work queue, an auditor's ledger).</summary>
    public static string LandingOf(ClaimsPrincipal user) => Landings.FirstOrDefault(l => user.IsInRole(l.Role)).Path ?? "/";

    public static async Task<IReadOnlyList<Item>> ForAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var offered = new List<Item>();
        foreach (var item in Items)
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                offered.Add(item);
            }
        }

        return offered;
    }
}
