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
    DateTimeOffset CreatedAt,
    DateTimeOffset? TokensRevokedAt = null)
{
    /// <summary>Whether a token issued at <paramref name="issued"/> may still be used.</summary>
    public bool Accepts(DateTimeOffset? issued) => !Disabled && (TokensRevokedAt is null || (issued is { } at && at > TokensRevokedAt));

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
