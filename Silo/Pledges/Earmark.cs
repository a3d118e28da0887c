using FundManager.Common;
using FundManager.Reference;

namespace FundManager.Pledges;

/// <summary>
/// The restriction a donor puts on a contribution: none, or one OHCHR region (its name, e.g.
/// <c>AsiaPacific</c>), one country (ISO alpha-3), one SDG target (<c>16.3</c>) or one grant (its id).
/// </summary>
public sealed record Earmark(EarmarkKind Kind, string? Target)
{
    public static Earmark None { get; } = new(EarmarkKind.Unearmarked, null);

    /// <summary>Validates the target against reference data; a grant target is checked by the caller, who can see grants.</summary>
    public static Earmark Create(EarmarkKind kind, string? target)
    {
        if (!Enum.IsDefined(kind))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "Unknown earmarking.", "earmark");
        }

        if (kind == EarmarkKind.Unearmarked)
        {
            return string.IsNullOrWhiteSpace(target)
                ? None
                : throw RuleViolation.Of(BusinessRule.InvalidInput, "An unearmarked pledge has no earmark target.", "earmarkTarget");
        }

        var value = Text.Check(target, "earmarkTarget", 64, allowLineBreaks: false);
        var normalised = kind switch
        {
            EarmarkKind.Region => Enum.TryParse<OhchrRegion>(value, ignoreCase: true, out var region) && Enum.IsDefined(region)
                ? region.ToString()
                : throw Unknown(kind, value),
            EarmarkKind.Country => CountryCode.TryParse(value, out var country) && CountryCatalog.Default.Find(country) is not null
                ? country.ToString()
                : throw Unknown(kind, value),
            EarmarkKind.SdgTarget => SdgCatalog.Default.Find(value) is { } sdg ? sdg.Id : throw Unknown(kind, value),
            EarmarkKind.Grant => Guid.TryParse(value, out var grant) ? grant.ToString("D") : throw Unknown(kind, value),
            _ => throw Unknown(kind, value),
        };
        return new Earmark(kind, normalised);
    }

    private static RuleViolation Unknown(EarmarkKind kind, string value) =>
        RuleViolation.Of(BusinessRule.EarmarkTargetUnknown, $"'{value}' is not a known {kind} to earmark to.", "earmarkTarget", ("kind", kind.ToString()), ("target", value));
}
