using FundManager.Grants;

namespace FundManager.Reporting.Iati;

/// <summary>
/// The IATI 2.03 codes the activity file uses, and how FundManager's states and kinds map onto them. The code lists
/// are IATI's (iatistandard.org/en/iati-standard/203/codelists/); each constant names the list and the code's meaning.
/// </summary>
public static class IatiCodes
{
    public const string Version = "2.03";

    // OrganisationRole.
    public const string RoleFunding = "1";
    public const string RoleExtending = "3";
    public const string RoleImplementing = "4";

    // ActivityDateType.
    public const string PlannedStart = "1";
    public const string ActualStart = "2";
    public const string PlannedEnd = "3";
    public const string ActualEnd = "4";

    // DescriptionType.
    public const string GeneralDescription = "1";

    // OtherIdentifierType: the reporting organisation's internal activity identifier.
    public const string InternalActivityIdentifier = "A1";

    // ActivityScope: every grant serves one country.
    public const string NationalScope = "4";

    // SectorVocabulary, and the OECD DAC 5-digit purpose code every grant of these funds has.
    public const string DacSectorVocabulary = "1";
    public const string SdgTargetSectorVocabulary = "8";
    public const string DacHumanRights = "15160";

    // TagVocabulary.
    public const string SdgTargetTagVocabulary = "3";
    public const string ReportingOrganisationTagVocabulary = "99";

    // FinanceType: the funds give grants, never loans.
    public const string StandardGrant = "110";

    // BudgetType and BudgetStatus.
    public const string OriginalBudget = "1";
    public const string RevisedBudget = "2";
    public const string IndicativeBudget = "1";

    // TransactionType.
    public const string Commitment = "2";
    public const string Disbursement = "3";
    public const string Expenditure = "4";

    // ResultType and IndicatorMeasure.
    public const string OutputResult = "1";
    public const string UnitMeasure = "1";

    /// <summary>OrganisationType 40, Multilateral: the funds are UN trust funds.</summary>
    public const string MultilateralOrganisation = "40";

    /// <summary>Whether the grant belongs in an IATI file: it was approved, so the fund committed money to it.</summary>
    public static bool IsPublished(GrantStatus status, bool wasApproved) => status switch
    {
        GrantStatus.Approved or GrantStatus.Active or GrantStatus.Completed or GrantStatus.Closed => true,
        GrantStatus.Cancelled => wasApproved,
        _ => false,
    };

    /// <summary>
    /// ActivityStatus of a published grant: 2 Implementation (approved, or active with tranches paid), 3 Finalisation
    /// (completed: the work is done, the grant awaits closure), 4 Closed, 5 Cancelled.
    /// </summary>
    public static string ActivityStatus(GrantStatus status) => status switch
    {
        GrantStatus.Approved or GrantStatus.Active => "2",
        GrantStatus.Completed => "3",
        GrantStatus.Closed => "4",
        GrantStatus.Cancelled => "5",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only approved grants are published to IATI."),
    };

    /// <summary>OrganisationType of an implementing entity.</summary>
    public static string OrganisationType(ImplementingEntityType type) => type switch
    {
        ImplementingEntityType.GovernmentBody => "10",

        // A national mechanism for implementation, reporting and follow-up is a government structure.
        ImplementingEntityType.NationalMechanism => "10",

        // An NHRI is a public body independent of the government: "Other Public Sector".
        ImplementingEntityType.NationalHumanRightsInstitution => "15",
        ImplementingEntityType.UnEntity => MultilateralOrganisation,

        // The civil society organisations the funds support work in the country the grant serves: "Partner Country based NGO".
        ImplementingEntityType.CivilSocietyOrganisation => "24",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No IATI organisation type for this implementing entity type."),
    };
}
