namespace FundManager.Api.Identity;

/// <summary>A user to add: e-mail (to log in), password (12 to 200 characters), roles, and for a donor user the donor they speak for.</summary>
public sealed record NewUser(string Email, string Password, IReadOnlyList<string> Roles, Guid? Donor = null);
