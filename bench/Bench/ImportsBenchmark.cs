using System.Diagnostics;
using System.Globalization;
using System.Text;
using FundManager.Api.Cluster;
using FundManager.Api.Imports;
using FundManager.Common;
using FundManager.Reference;

namespace FundManager.Bench;

/// <summary>
/// Imports from outside, through the grains (a silo in the benchmark's process): a Universal Human Rights Index export of
/// 10,000 recommendations, read, checked and registered; then the same export again, which changes nothing.
/// </summary>
public static class ImportsBenchmark
{
    private const int Recommendations = 10_000;

    public static async Task<int> RunAsync()
    {
        var connection = await BenchServer.FreshDatabaseAsync("bench_imports");
        await using var host = await FundHost.OpenAsync(connection);
        var export = Encoding.UTF8.GetBytes(UhriExportOf(Recommendations));

        // A small export first, unmeasured, so that the figures are of code already compiled.
        await UhriImport.ImportAsync(host.System, new MemoryStream(Encoding.UTF8.GetBytes(UhriExportOf(200, prefix: "warm"))), UserId.System, "file", CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var first = await UhriImport.ImportAsync(host.System, new MemoryStream(export), UserId.System, "file", CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var again = await UhriImport.ImportAsync(host.System, new MemoryStream(export), UserId.System, "file", CancellationToken.None);
        var againSeconds = watch.Elapsed.TotalSeconds;
        if (first.Registered != Recommendations || again.Unchanged != Recommendations)
        {
            throw new InvalidOperationException($"The imports did not do what they should: {first}, then {again}.");
        }

        Console.Error.WriteLine($"  {export.Length / 1024} KiB export; the same export again (nothing to change) in {againSeconds:F1} s");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"uhri rows={Recommendations} seconds={seconds:F1}"));
        return 0;
    }

    // An export as the Index writes one: States by name, multi-value cells one value per line prefixed "- ".
    private static string UhriExportOf(int rows, string prefix = "bench")
    {
        var states = CountryCatalog.Default.All.Where(c => c.UnRegionalGroup is not null).OrderBy(c => c.Code.Value).ToList();
        var csv = new StringBuilder("Text,Countries Concerned,UPR Reccomending States,UPR Position,UPR Session,Themes,Affected Persons,Sdgs,Document Symbol,OHCHR Annotation Id\n");
        for (var i = 0; i < rows; i++)
        {
            var (under, by, also) = (states[i % states.Count], states[(i * 7 + 3) % states.Count], states[(i * 13 + 5) % states.Count]);
            var session = 1 + (i % 47);
            csv.Append(CultureInfo.InvariantCulture, $"\"Take further measures, in line with recommendation {i}, to strengthen the national mechanism for implementation, reporting and follow-up\",")
                .Append(CultureInfo.InvariantCulture, $"\"- {under.Name}\",\"- {by.Name}\n- {also.Name}\",{(i % 3 == 0 ? "Noted" : "Supported")},UPR {session},")
                .Append("\"- National mechanisms for implementation\n- Cooperation with treaty bodies\",\"- General\n- Women and girls\",")
                .Append(CultureInfo.InvariantCulture, $"\"- 16.{1 + (i % 10)} - A target\n- 5.1 - End discrimination\",A/HRC/{session}/{i % 20},{prefix}-{i}\n");
        }

        return csv.ToString();
    }
}
