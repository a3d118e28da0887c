using System.Xml.Linq;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Reference;

namespace FundManager.Reporting.Iati;

/// <summary>
/// One grant as an <c>iati-activity</c> element. The children follow the order of the <c>iati-activity</c> sequence in
/// iati-activities-schema.xsd (2.03) exactly — the schema refuses any other — so each part below is built in that order.
/// </summary>
internal static partial class IatiActivity
{
    public static XElement Build(IatiGrant record, Fund fund, IatiOptions options)
    {
        var grant = record.Grant;
        var details = grant.Details;
        return new XElement(
            "iati-activity",
            new XAttribute("last-updated-datetime", IatiFormat.DateTime(record.LastUpdated)),
            new XAttribute(XNamespace.Xml + "lang", options.Language),
            new XAttribute("default-currency", "USD"),
            new XElement("iati-identifier", $"{options.ReportingOrgRef}-{fund.Code}-{grant.Id}"),
            new XElement(
                "reporting-org",
                new XAttribute("ref", options.ReportingOrgRef),
                new XAttribute("type", options.ReportingOrgType),
                Narrative(options.ReportingOrgName)),
            new XElement("title", Narrative(details.Title)),
            new XElement("description", new XAttribute("type", IatiCodes.GeneralDescription), Narrative(details.Summary)),
            ParticipatingOrganisations(grant, fund, options),
            new XElement(
                "other-identifier",
                new XAttribute("ref", grant.Id.ToString()),
                new XAttribute("type", IatiCodes.InternalActivityIdentifier),
                new XElement("owner-org", new XAttribute("ref", options.ReportingOrgRef), Narrative(options.ReportingOrgName))),
            new XElement("activity-status", new XAttribute("code", IatiCodes.ActivityStatus(grant.Status))),
            ActivityDates(record),
            new XElement("activity-scope", new XAttribute("code", IatiCodes.NationalScope)),
            RecipientCountry(details.Country),
            Sectors(details.SdgTargets),
            Tags(record, options),
            new XElement("default-finance-type", new XAttribute("code", IatiCodes.StandardGrant)),
            Budgets(record),
            Transactions(record, fund, options),
            Result(record));
    }

    private static XElement Narrative(string text) => new("narrative", text);

    /// <summary>The fund pays, OHCHR manages the grant on the fund's behalf, the implementing entity carries it out.</summary>
    private static IEnumerable<XElement> ParticipatingOrganisations(Grant grant, Fund fund, IatiOptions options)
    {
        yield return new XElement(
            "participating-org",
            new XAttribute("type", IatiCodes.MultilateralOrganisation),
            new XAttribute("role", IatiCodes.RoleFunding),
            Narrative(fund.Name));
        yield return new XElement(
            "participating-org",
            new XAttribute("ref", options.ReportingOrgRef),
            new XAttribute("type", options.ReportingOrgType),
            new XAttribute("role", IatiCodes.RoleExtending),
            Narrative(options.ReportingOrgName));
        yield return new XElement(
            "participating-org",
            new XAttribute("type", IatiCodes.OrganisationType(grant.Details.ImplementingEntity.Type)),
            new XAttribute("role", IatiCodes.RoleImplementing),
            Narrative(grant.Details.ImplementingEntity.Name));
    }

    /// <summary>
    /// Planned start and end from the grant period; the actual start when the first tranche was paid; the actual end when
    /// the grant was closed or cancelled. A completed grant has none yet: it is in finalisation until it is closed.
    /// </summary>
    private static IEnumerable<XElement> ActivityDates(IatiGrant record)
    {
        var period = record.Grant.Details.Period;
        yield return ActivityDate(IatiCodes.PlannedStart, period.Start);
        if (record.FirstPaidOn is { } started)
        {
            yield return ActivityDate(IatiCodes.ActualStart, started);
        }

        yield return ActivityDate(IatiCodes.PlannedEnd, period.End);
        if (record.EndedOn is { } ended)
        {
            yield return ActivityDate(IatiCodes.ActualEnd, ended);
        }
    }

    private static XElement ActivityDate(string type, DateOnly date) =>
        new("activity-date", new XAttribute("type", type), new XAttribute("iso-date", IatiFormat.Date(date)));

    /// <summary>IATI names countries by ISO 3166-1 alpha-2; the domain keeps alpha-3, and the M49 catalog has both.</summary>
    private static XElement RecipientCountry(CountryCode code)
    {
        var country = CountryCatalog.Default.Get(code);
        return new XElement(
            "recipient-country",
            new XAttribute("code", country.Alpha2),
            new XAttribute("percentage", "100"),
            Narrative(country.Name));
    }

    /// <summary>
    /// Every grant of these funds is human-rights work (DAC purpose code 15160, all of it); its SDG targets, when it
    /// names any, form a second vocabulary whose percentages IATI also requires to add up to 100.
    /// </summary>
    private static IEnumerable<XElement> Sectors(IReadOnlyList<string> sdgTargets)
    {
        yield return new XElement(
            "sector",
            new XAttribute("vocabulary", IatiCodes.DacSectorVocabulary),
            new XAttribute("code", IatiCodes.DacHumanRights),
            new XAttribute("percentage", "100"));
        if (sdgTargets.Count == 0)
        {
            yield break;
        }

        var shares = EvenPercentages.Split(sdgTargets.Count);
        for (var i = 0; i < sdgTargets.Count; i++)
        {
            yield return new XElement(
                "sector",
                new XAttribute("vocabulary", IatiCodes.SdgTargetSectorVocabulary),
                new XAttribute("code", sdgTargets[i]),
                new XAttribute("percentage", IatiFormat.Decimal(shares[i])));
        }
    }

    /// <summary>The SDG targets again as tags (which carry no percentages), and the UPR recommendations the grant serves.</summary>
    private static IEnumerable<XElement> Tags(IatiGrant record, IatiOptions options)
    {
        foreach (var target in record.Grant.Details.SdgTargets)
        {
            yield return new XElement(
                "tag",
                new XAttribute("code", target),
                new XAttribute("vocabulary", IatiCodes.SdgTargetTagVocabulary),
                SdgCatalog.Default.Find(target) is { } known ? Narrative(known.Title) : null);
        }

        foreach (var recommendation in record.Grant.Details.Recommendations)
        {
            yield return new XElement(
                "tag",
                new XAttribute("code", recommendation),
                new XAttribute("vocabulary", IatiCodes.ReportingOrganisationTagVocabulary),
                new XAttribute("vocabulary-uri", options.RecommendationVocabularyUri),
                record.RecommendationTexts.TryGetValue(recommendation, out var text) ? Narrative(text) : null);
        }
    }
}
