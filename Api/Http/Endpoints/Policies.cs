using FundManager.Api.Identity;
using Microsoft.AspNetCore.Authorization;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Who may call what; README's access table is written from these.</summary>
public static class Policies
{
    public const string Staff = "staff";
    public const string Donor = "donor";
    public const string Officer = "officer";
    public const string Approver = "approver";
    public const string Board = "board";
    public const string Admin = "admin";
    public const string Ledger = "ledger";
    public const string Audit = "audit";
    public const string OfficerOrDonor = "officer-or-donor";
    public const string Reports = "reports";
    public const string Secretariat = "secretariat";
    public const string ClusterAdmin = "cluster-admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireRole(Role.Officer, Role.Approver, Role.Board, Role.Auditor, Role.Admin));
        options.AddPolicy(Donor, p => p.RequireRole(Role.Donor));
        options.AddPolicy(Officer, p => p.RequireRole(Role.Officer));
        options.AddPolicy(Approver, p => p.RequireRole(Role.Approver));
        options.AddPolicy(Board, p => p.RequireRole(Role.Board));
        options.AddPolicy(Admin, p => p.RequireRole(Role.Admin));
        options.AddPolicy(Ledger, p => p.RequireRole(Role.Officer, Role.Approver, Role.Board, Role.Auditor));
        options.AddPolicy(Audit, p => p.RequireRole(Role.Auditor, Role.Admin));
        options.AddPolicy(OfficerOrDonor, p => p.RequireRole(Role.Officer, Role.Donor));
        options.AddPolicy(Reports, p => p.RequireRole(Role.Officer, Role.Approver, Role.Board, Role.Auditor));
        options.AddPolicy(Secretariat, p => p.RequireRole(Role.Officer, Role.Approver));

        // The cluster dashboard is also opened in a browser, signed in with the admin pages' cookie.
        options.AddPolicy(ClusterAdmin, p => p.AddAuthenticationSchemes(AdminEndpoints.Scheme).RequireRole(Role.Admin));
    }
}
