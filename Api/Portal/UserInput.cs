namespace FundManager.Api.Portal;

/// <summary>An administrator's forms on the users page: a new user (email, password, roles, donor), or a user to disable.</summary>
public sealed class UserInput
{
    public string Key { get; set; } = "";

    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>The roles ticked, by name.</summary>
    public Dictionary<string, bool> Roles { get; set; } = [];

    /// <summary>The donor a donor user speaks for, as typed (a donor's id).</summary>
    public string? Donor { get; set; }
}
