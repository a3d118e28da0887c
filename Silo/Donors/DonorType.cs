namespace FundManager.Donors;

/// <summary>What kind of contributor a donor is.</summary>
public enum DonorType
{
    MemberState,
    IntergovernmentalOrganisation,
    UnEntity,
    Foundation,
    PrivateSector,
    Individual,
}
