using FundManager.Api.Identity;
using FundManager.Common;

namespace FundManager.Api.Demo;

/// <summary>The demo's people, one per role, and two donor users; the officer prepares, the approver approves.</summary>
public static class DemoUsers
{
    /// <summary>The demo users' password. Demo only: real users are added with <c>fundmanager users add</c>.</summary>
    public const string Password = "demo-password-1";

    public const string Admin = "admin@demo.org";
    public const string Officer = "officer@demo.org";
    public const string Approver = "approver@demo.org";
    public const string Board = "board@demo.org";
    public const string Auditor = "auditor@demo.org";
    public const string NorwayDonor = "donor.norway@demo.org";
    public const string GermanyDonor = "donor.germany@demo.org";

    /// <summary>Adds the demo users that are missing.</summary>
    public static async Task EnsureAsync(FundSystem system, CancellationToken ct)
    {
        var store = new UserStore(system.DataSource, system.Clock);
        (string Email, string[] Roles, Guid? Donor)[] users =
        [
            (Admin, [Role.Admin], null),
            (Officer, [Role.Officer], null),
            (Approver, [Role.Approver], null),
            (Board, [Role.Board], null),
            (Auditor, [Role.Auditor], null),
            (NorwayDonor, [Role.Donor], DemoIds.For("donor", "norway")),
            (GermanyDonor, [Role.Donor], DemoIds.For("donor", "germany")),
        ];
        foreach (var (email, roles, donor) in users)
        {
            if (await store.FindAsync(email, ct) is null)
            {
                try
                {
                    await store.AddAsync(email, Password, roles, donor, ct);
                }
                catch (RuleViolation e) when (e.Rule == BusinessRule.EntityAlreadyExists)
                {
                    // Another process added it first.
                }
            }
        }
    }
}
