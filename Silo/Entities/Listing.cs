namespace FundManager.Entities;

/// <summary>
/// What lists filter and order an entity by, kept beside its stream by the command that changes it, so that a
/// list reads one row per entity instead of replaying every history. Empty fields do not apply to the kind.
/// </summary>
/// <param name="Donor">The donor a pledge belongs to.</param>
/// <param name="Status">The lifecycle state (pledge or grant status), by name.</param>
/// <param name="Category">The donor type, the grant's cooperation modality, the pledge's earmark kind, the recommendation's position.</param>
/// <param name="Country">ISO 3166 alpha-3: a donor's country, a grant's country, a recommendation's State under review.</param>
/// <param name="Region">A grant's OHCHR region, by name.</param>
/// <param name="Years">The years an entity concerns: a pledge's instalment due years, a grant's period.</param>
/// <param name="Label">A name or title, for people scanning a list.</param>
/// <param name="Awaiting">The step someone must take next (a grant's <see cref="Grants.GrantStep"/>), by name: what work queues list.</param>
public sealed record Listing(
    Guid? Donor = null,
    string? Status = null,
    string? Category = null,
    string? Country = null,
    string? Region = null,
    IReadOnlyList<int>? Years = null,
    string? Label = null,
    string? Awaiting = null)
{
    public static Listing None { get; } = new();
}
