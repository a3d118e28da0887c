namespace FundManager.Api.Identity;

/// <summary>What a user may do. A user may hold several roles; segregation of duties still holds per tranche.</summary>
public static class Role
{
    /// <summary>A contributor's representative: reads only their own donor's data.</summary>
    public const string Donor = "donor";

    /// <summary>Secretariat: records pledges and receipts, prepares grants and tranches.</summary>
    public const string Officer = "officer";

    /// <summary>Secretariat: approves or rejects what others prepared.</summary>
    public const string Approver = "approver";

    /// <summary>Board of Trustees: reads everything, records its recommendations.</summary>
    public const string Board = "board";

    /// <summary>Reads everything, changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>Manages users, funds and exchange rates.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Donor, Officer, Approver, Board, Auditor, Admin];
}
