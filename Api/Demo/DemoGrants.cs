using FundManager.Grants;

namespace FundManager.Api.Demo;

/// <summary>Where each demo grant's story ends.</summary>
public enum DemoGrantEnd
{
    Draft,
    Submitted,
    Reviewed,
    Recommended,
    Rejected,
    CancelledBeforeApproval,
    Approved,
    ActiveFirstTranche,
    ActiveSecondPending,
    ActiveSecondRejectedThenPaid,
    ActiveReportReturned,
    ActiveBudgetIncreased,
    CancelledAfterApproval,
    Completed,
    ClosedWithRelease,
    ClosedFullyPaid,
}

/// <summary>One demo grant: where, by whom, for which fund, and how far its lifecycle goes.</summary>
public sealed record DemoGrant(int Number, string Fund, string Country, ImplementingEntityType EntityType, string EntityName, CooperationModality Modality, int StartYear, DemoGrantEnd End)
{
    public Guid Id => DemoIds.For("grant", Number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly string[] Countries =
    [
        "KEN", "PRY", "FJI", "UKR", "TUN", "SEN", "HND", "SLB", "MDA", "JOR",
        "UGA", "GTM", "WSM", "GEO", "MAR", "MWI", "ECU", "TLS", "ARM", "MRT",
        "TZA", "PER", "MNG", "KGZ", "LBN", "GHA", "HTI", "NPL", "ALB", "SLE",
        "JAM", "VUT", "MKD", "MOZ", "BOL", "KHM", "TJK", "BFA", "CRI", "PHL",
        "ZMB", "URY", "LKA", "MNE", "NAM",
    ];

    private static readonly string[] Funds = ["VFTC", "UPR-VFTA", "UPR-VFP"];

    private static readonly (ImplementingEntityType Type, string Name)[] Entities =
    [
        (ImplementingEntityType.NationalMechanism, "National Mechanism for Implementation, Reporting and Follow-up"),
        (ImplementingEntityType.NationalHumanRightsInstitution, "National Human Rights Commission"),
        (ImplementingEntityType.GovernmentBody, "Ministry of Justice and Human Rights"),
        (ImplementingEntityType.UnEntity, "OHCHR Country Office"),
        (ImplementingEntityType.CivilSocietyOrganisation, "Coalition for Human Rights Defenders"),
    ];

    private static readonly DemoGrantEnd[] Ends = Enum.GetValues<DemoGrantEnd>();

    /// <summary>45 grants over all five OHCHR regions and every lifecycle state.</summary>
    public static IReadOnlyList<DemoGrant> All { get; } = Countries.Select((country, i) =>
    {
        var entity = Entities[i % Entities.Length];
        return new DemoGrant(
            i + 1,
            Funds[i % Funds.Length],
            country,
            entity.Type,
            entity.Name,
            (CooperationModality)(i % 4),
            2021 + (i % 4),
            Ends[i % Ends.Length]);
    }).ToList();
}
