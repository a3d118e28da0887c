using System.IO.Compression;
using System.Security.Cryptography;
using FundManager.Funds;
using FundManager.Reporting.Exports;

namespace FundManager.Api.Tests;

/// <summary><c>GET /api/v1/ledger/{fund}/export</c>: a zip of the export's files and manifest, streamed, for ledger readers only.</summary>
public sealed class LedgerExportEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("csv", new[] { "journal.csv", "general-ledger.csv", "trial-balance.csv" })]
    [InlineData("xlsx", new[] { "ledger.xlsx" })]
    public async Task An_auditor_downloads_a_zip_whose_manifest_matches_its_files_and_the_ledger(string format, string[] files)
    {
        var auditor = await api.LoginAsync(DemoUsers.Auditor);

        using var response = await auditor.GetAsync($"/api/v1/ledger/VFTC/export?format={format}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"ledger-VFTC-start-to-end-{format}.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Null(response.Content.Headers.ContentLength);

        var directory = Path.Combine(Path.GetTempPath(), $"fundmanager-api-export-{Guid.NewGuid():N}");
        try
        {
            using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
            {
                Assert.Equal([.. files, ExportManifest.FileName], zip.Entries.Select(e => e.FullName));
                zip.ExtractToDirectory(directory);
            }

            ExportManifest manifest;
            using (var json = File.OpenRead(Path.Combine(directory, ExportManifest.FileName)))
            {
                manifest = ExportManifest.Read(json);
            }

            Assert.Equal(files, manifest.Files.Select(f => f.Name));
            foreach (var file in manifest.Files)
            {
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(directory, file.Name)))), file.Sha256);
            }

            var entries = 0;
            var lines = 0;
            await foreach (var entry in api.System.Ledger.EntriesAsync(FundCode.Parse("VFTC")))
            {
                entries++;
                lines += entry.Lines.Count;
            }

            var head = await api.System.Ledger.HeadAsync(FundCode.Parse("VFTC"));
            Assert.Equal((entries, lines), ((int)manifest.Entries, (int)manifest.Lines));
            Assert.Equal(new ChainPoint(head.Sequence, head.HashHex), manifest.ChainHead);
            Assert.Equal(format, manifest.Format);
            Assert.Equal("intact", LedgerExportVerifier.Verify(directory).ToString());
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_window_is_named_in_the_download_and_the_manifest()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);

        using var response = await officer.GetAsync("/api/v1/ledger/UPR-VFTA/export?from=2024-01-01&to=2024-12-31&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ledger-UPR-VFTA-2024-01-01-to-2024-12-31-csv.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var json = zip.GetEntry(ExportManifest.FileName)!.Open();
        var manifest = ExportManifest.Read(json);
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (manifest.From, manifest.To));
    }

    [Theory]
    [InlineData(DemoUsers.NorwayDonor)]
    [InlineData(DemoUsers.Admin)]
    public async Task Donors_and_administrators_get_403(string user)
    {
        var client = await api.LoginAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/ledger/VFTC/export?format=csv")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/ledger/VFTC/export", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/v1/ledger/VFTC/export?format=pdf", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/v1/ledger/VFTC/export?format=csv&from=2025-13-01", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/v1/ledger/VFTC/export?format=csv&to=tomorrow", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/v1/ledger/VFTC/export?format=csv&from=2025-06-01&to=2025-05-31", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/v1/ledger/NOPE-FUND/export?format=csv", HttpStatusCode.NotFound, "fund")]
    [InlineData("/api/v1/ledger/!bad/export?format=csv", HttpStatusCode.BadRequest, "fund")]
    public async Task Bad_input_is_a_declared_problem_naming_the_field(string url, HttpStatusCode status, string field)
    {
        var auditor = await api.LoginAsync(DemoUsers.Auditor);
        var declared = await DeclaredProblems.LoadAsync(api.CreateClient());

        using var response = await auditor.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Null(await declared.CheckAsync("GET", url, response));
    }
}
