using FundManager.Donors;

namespace FundManager.Api.Portal;

/// <summary>A donor as an officer registers it: name, kind, country (required for a Member State) and an optional email.</summary>
public sealed class DonorInput
{
    public string Key { get; set; } = "";

    public string? Name { get; set; }

    public DonorType Type { get; set; } = DonorType.MemberState;

    public string? Country { get; set; }

    public string? Email { get; set; }
}
