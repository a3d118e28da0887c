using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Repository;

/// <summary>The public repository's activities as RFC 4180 CSV, one row per activity; lists in a cell are joined with "; ".</summary>
public static class PublicActivityCsv
{
    private static readonly string[] Header =
    [
        "id", "fund", "title", "purpose", "country", "country_name", "region", "modality", "implementing_entity", "implementing_entity_type",
        "start", "end", "status", "approved_on", "approved_usd", "disbursed_usd", "upr_recommendations", "sdg_targets", "indicators",
    ];

    public static void Write(IEnumerable<PublicActivity> activities, Stream output)
    {
        using var csv = new CsvWriter(output);
        csv.Record(Header);
        foreach (var a in activities)
        {
            csv.Text(a.Id.ToString());
            csv.Text(a.Fund);
            csv.Text(a.Title);
            csv.Text(a.Purpose);
            csv.Text(a.Country);
            csv.Text(a.CountryName);
            csv.Text(a.Region);
            csv.Text(a.Modality);
            csv.Text(a.ImplementingEntity);
            csv.Text(a.ImplementingEntityType);
            csv.Date(a.Start);
            csv.Date(a.End);
            csv.Text(a.Status);
            if (a.ApprovedOn is { } approved)
            {
                csv.Date(approved);
            }
            else
            {
                csv.Text(null);
            }

            csv.Fixed(a.ApprovedUsd, 2);
            csv.Fixed(a.DisbursedUsd, 2);
            csv.Text(string.Join("; ", a.Recommendations.Select(r => r.Status is null ? r.Id : $"{r.Id} ({r.Status})")));
            csv.Text(string.Join("; ", a.SdgTargets));
            csv.Text(string.Join("; ", a.Indicators.Select(i => $"{i.Name}: {i.Latest?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} of {i.Target.ToString(System.Globalization.CultureInfo.InvariantCulture)} {i.Unit}")));
            csv.EndRecord();
        }
    }
}
