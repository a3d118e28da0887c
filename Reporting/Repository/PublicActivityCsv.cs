using System.Globalization;
using CsvHelper;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Repository;

/// <summary>
/// The public repository's activities as RFC 4180 CSV (<see cref="Rfc4180"/>), one row per activity; lists in a cell are
/// joined with "; ". Anyone opens this file in a spreadsheet, and officers write its titles and purposes, so text that a
/// spreadsheet would run as a formula (beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a CR) is written
/// after an apostrophe, quoted; numbers and dates are never altered.
/// </summary>
public static class PublicActivityCsv
{
    private static readonly string[] Header =
    [
        "id", "fund", "title", "purpose", "country", "country_name", "region", "modality", "implementing_entity", "implementing_entity_type",
        "start", "end", "status", "approved_on", "approved_usd", "disbursed_usd", "upr_recommendations", "sdg_targets", "indicators",
    ];

    public static void Write(IEnumerable<PublicActivity> activities, Stream output)
    {
        using var csv = Rfc4180.Writer(output, CsvInjection.Escape);
        csv.WriteHeader(Header);
        foreach (var a in activities)
        {
            csv.WriteField(a.Id, "D");
            csv.WriteField(a.Fund);
            csv.WriteField(a.Title);
            csv.WriteField(a.Purpose);
            csv.WriteField(a.Country);
            csv.WriteField(a.CountryName);
            csv.WriteField(a.Region);
            csv.WriteField(a.Modality);
            csv.WriteField(a.ImplementingEntity);
            csv.WriteField(a.ImplementingEntityType);
            csv.WriteField(a.Start, "yyyy-MM-dd");
            csv.WriteField(a.End, "yyyy-MM-dd");
            csv.WriteField(a.Status);
            csv.WriteField(a.ApprovedOn, "yyyy-MM-dd");
            csv.WriteField(a.ApprovedUsd, "F2");
            csv.WriteField(a.DisbursedUsd, "F2");
            csv.WriteField(string.Join("; ", a.Recommendations.Select(r => r.Status is null ? r.Id : $"{r.Id} ({r.Status})")));
            csv.WriteField(string.Join("; ", a.SdgTargets));
            csv.WriteField(string.Join("; ", a.Indicators.Select(i =>
                $"{i.Name}: {i.Latest?.ToString(CultureInfo.InvariantCulture) ?? "-"} of {i.Target.ToString(CultureInfo.InvariantCulture)} {i.Unit}")));
            csv.EndRecord();
        }
    }
}
