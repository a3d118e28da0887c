using System.Text.RegularExpressions;
using FundManager.Common;

namespace FundManager.Reporting.Iati;

/// <summary>
/// Who publishes the IATI activity file and how its own vocabularies are named. Every property has a default, so
/// <see cref="Default"/> is a complete set; a publisher overrides only what differs.
/// </summary>
public sealed partial record IatiOptions
{
    /// <summary>
    /// OHCHR's IATI organisation identifier: the OECD DAC registration agency (<c>XM-DAC</c>) and the DAC channel code
    /// of the Office of the High Commissioner for Human Rights (41313). Check it against the publisher's record in the
    /// IATI Registry before publishing: IATI requires every activity's reporting-org ref to equal it.
    /// </summary>
    public const string DefaultReportingOrgRef = "XM-DAC-41313";

    public const string DefaultReportingOrgName = "Office of the United Nations High Commissioner for Human Rights";

    /// <summary>40 = Multilateral in IATI's OrganisationType code list: OHCHR, which administers the funds, is part of the UN Secretariat.</summary>
    public const string DefaultReportingOrgType = "40";

    /// <summary>
    /// The Universal Human Rights Index, where OHCHR publishes every UPR recommendation: the vocabulary (99, the reporting
    /// organisation's own) of the recommendation tags. Point it at the list that defines the ids the funds record.
    /// </summary>
    public const string DefaultRecommendationVocabularyUri = "https://uhri.ohchr.org/";

    /// <summary>The language of the narratives (ISO 639-1): the funds record titles, summaries and indicators in English.</summary>
    public const string DefaultLanguage = "en";

    // IATI's OrganisationType code list (version 2.03).
    private static readonly HashSet<string> OrganisationTypes = ["10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90"];

    public static IatiOptions Default { get; } = new();

    /// <summary>The reporting organisation's IATI identifier; prefixes every activity identifier.</summary>
    public string ReportingOrgRef { get; init; } = DefaultReportingOrgRef;

    public string ReportingOrgName { get; init; } = DefaultReportingOrgName;

    /// <summary>A code of IATI's OrganisationType list.</summary>
    public string ReportingOrgType { get; init; } = DefaultReportingOrgType;

    public string RecommendationVocabularyUri { get; init; } = DefaultRecommendationVocabularyUri;

    public string Language { get; init; } = DefaultLanguage;

    /// <summary>Refuses options IATI would refuse, with <see cref="BusinessRule.InvalidInput"/> naming the option.</summary>
    public IatiOptions Checked()
    {
        // IATI's ruleset forbids '/', '&', '|' and '?' in organisation and activity identifiers; spaces would break them too.
        if (!IdentifierPattern().IsMatch(ReportingOrgRef ?? ""))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"'{ReportingOrgRef}' is not an IATI organisation identifier (such as XM-DAC-41313): letters, digits, '-', '.', '_' and ':' only.", "reportingOrgRef");
        }

        if (string.IsNullOrWhiteSpace(ReportingOrgName))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The reporting organisation needs a name.", "reportingOrgName");
        }

        if (!OrganisationTypes.Contains(ReportingOrgType ?? ""))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"'{ReportingOrgType}' is not a code of IATI's OrganisationType list (40 = multilateral, 10 = government, 21 = international NGO, ...).", "reportingOrgType");
        }

        if (!Uri.TryCreate(RecommendationVocabularyUri, UriKind.Absolute, out _))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"'{RecommendationVocabularyUri}' is not an absolute URI.", "recommendationVocabularyUri");
        }

        if (!LanguagePattern().IsMatch(Language ?? ""))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"'{Language}' is not an ISO 639-1 language code.", "language");
        }

        return this;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();
}
