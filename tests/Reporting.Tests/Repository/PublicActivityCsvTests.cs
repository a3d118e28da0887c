using System.Text;
using FundManager.Reporting.Exports;
using FundManager.Reporting.Repository;

namespace FundManager.Reporting.Tests.Repository;

/// <summary>The public repository's CSV is opened in spreadsheets by anyone: text that would run as a formula is escaped, numbers are not.</summary>
public sealed class PublicActivityCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"click\")")]
    [InlineData("+1 training")]
    [InlineData("-Pilot")]
    [InlineData("@SUM(A1)")]
    public void A_title_a_spreadsheet_would_run_is_written_after_an_apostrophe_and_reads_back_so(string title)
    {
        var row = WriteAndRead(Activity(title)).Single();

        Assert.Equal("'" + title, row[2]);
        Assert.Equal("Access to justice", row[3]);
    }

    [Fact]
    public void Plain_text_numbers_and_dates_are_written_as_they_are()
    {
        var activity = Activity("Strengthening the national mechanism, phase 2");
        var bytes = Write(activity);
        var row = WriteAndRead(activity).Single();

        Assert.Equal(activity.Title, row[2]);
        Assert.Equal(["2025-01-01", "2026-06-30", "Ongoing", "2024-12-01", "120000.00", "0.00"], row[10..16]);
        Assert.Equal("PY-123.4 (partially implemented)", row[16]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.NotEqual(0xEF, bytes[0]);
    }

    private static PublicActivity Activity(string title) => new(
        Guid.Parse("6f1c9c1e-8a59-4b8e-9f3c-1d2e3f405162"), "UPR-VFTA", title, "Access to justice", "PRY", "Paraguay", "Latin America and the Caribbean",
        "Technical assistance", "Ministry of Justice", "Government", new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30), "Ongoing",
        new DateOnly(2024, 12, 1), 120_000m, 0m, [new PublicRecommendation("PY-123.4", "partially implemented")], ["16.3"], []);

    private static byte[] Write(PublicActivity activity)
    {
        using var buffer = new MemoryStream();
        PublicActivityCsv.Write([activity], buffer);
        return buffer.ToArray();
    }

    private static List<string[]> WriteAndRead(PublicActivity activity)
    {
        using var reader = new CsvRecords(new MemoryStream(Write(activity)));
        var rows = new List<string[]>();
        while (reader.Read() is { } row)
        {
            rows.Add(row);
        }

        return rows.Skip(1).ToList();
    }
}
