using System.Text;
using System.Xml;
using System.Xml.Linq;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;

namespace FundManager.Reporting.Iati;

/// <summary>
/// A fund's grants as an IATI 2.03 activity file (<c>iati-activities</c>): one <c>iati-activity</c> per grant the fund
/// approved, including approved grants later cancelled. Reads the domain only; writes nothing to it.
/// </summary>
public static class IatiActivityFile
{
    /// <summary>
    /// Writes the file to <paramref name="output"/> (UTF-8, indented) and returns the number of activities. Nothing is
    /// written when the fund does not exist (<see cref="BusinessRule.EntityNotFound"/>) or has no approved grant
    /// (<see cref="BusinessRule.InvalidInput"/>: the schema requires at least one activity), or when the options are
    /// not IATI's (<see cref="BusinessRule.InvalidInput"/>, see <see cref="IatiOptions.Checked"/>).
    /// </summary>
    public static async Task<int> WriteAsync(FundSystem system, FundCode fund, Stream output, IatiOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(output);
        options = (options ?? IatiOptions.Default).Checked();
        var document = await BuildAsync(system, fund, options, ct);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        await using (var writer = XmlWriter.Create(output, settings))
        {
            await document.SaveAsync(writer, ct);
        }

        return document.Root!.Elements("iati-activity").Count();
    }

    internal static async Task<XDocument> BuildAsync(FundSystem system, FundCode code, IatiOptions options, CancellationToken ct)
    {
        var fund = await system.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(code), ct);
        if (!fund.Exists)
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {code}.", "fund", ("fund", code.Value));
        }

        var activities = new List<XElement>();
        foreach (var grant in await system.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant, code, ct))
        {
            if (await IatiGrant.LoadAsync(system, grant, ct) is { } record)
            {
                activities.Add(IatiActivity.Build(record, fund, options));
            }
        }

        if (activities.Count == 0)
        {
            throw RuleViolation.Of(
                BusinessRule.InvalidInput,
                $"Fund {code} has no approved grant to publish: an IATI activity file holds at least one activity.",
                "fund",
                ("fund", code.Value));
        }

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "iati-activities",
                new XAttribute("version", IatiCodes.Version),
                new XAttribute("generated-datetime", IatiFormat.DateTime(system.Clock.GetUtcNow())),
                activities));
    }
}
