namespace FundManager.Grants;

/// <summary>The kind of body that implements a grant.</summary>
public enum ImplementingEntityType
{
    GovernmentBody,

    /// <summary>A national mechanism for implementation, reporting and follow-up (such as Paraguay's SIMORE).</summary>
    NationalMechanism,

    NationalHumanRightsInstitution,
    UnEntity,
    CivilSocietyOrganisation,
}
