namespace FundManager.Api.Identity;

/// <summary>A user of the API: e-mail (lower case), password hash, roles, the donor a donor user speaks for, and lockout state.</summary>
public sealed record UserAccount(
    string Email,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    Guid? DonorId,
    bool Disabled,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
