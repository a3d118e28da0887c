using System.Collections.Concurrent;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Persistence;
using FundManager.Recommendations;
using Npgsql;

namespace FundManager.Api.Imports;

/// <summary>
/// Imports a Universal Human Rights Index export (see <see cref="UhriExport"/>) into the recommendation registry, for the
/// command line and the HTTP API alike. Every line is read and checked before anything is sent, so a bad line stores
/// nothing. Each recommendation is then sent to its grain as an upsert by annotation id: registered when new, revised when
/// the export says otherwise, untouched when it says the same; an import run again (or after one that stopped halfway)
/// registers nothing twice.
/// </summary>
public static class UhriImport
{
    // Commands in flight at once: enough to keep the silo and the database busy on two cores.
    private const int Concurrency = 32;

    public static async Task<UhriImportResult> ImportAsync(FundSystem system, Stream file, UserId actor, string field, CancellationToken ct)
    {
        var rows = await TableFile.ReadAsync(file, UhriExport.MaxRows + 1, field, ct);
        var lines = UhriExport.Parse(rows, field);
        var before = await VersionsAsync(system.DataSource, lines, ct);
        var after = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(lines, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (line, token) =>
        {
            var result = await system.Recommendations.HandleAsync(new ImportRecommendation(line.Recommendation), CommandContext.By(actor), token);
            after[line.Recommendation.Id] = result.Version;
        });

        var registered = lines.Count(l => !before.ContainsKey(l.Recommendation.Id));
        var revised = lines.Count(l => before.TryGetValue(l.Recommendation.Id, out var version) && after[l.Recommendation.Id] > version);
        return new UhriImportResult(lines.Count, registered, revised, lines.Count - registered - revised);
    }

    // The versions of the recommendations the export names that are registered already, in one query.
    private static async Task<Dictionary<string, long>> VersionsAsync(NpgsqlDataSource dataSource, IReadOnlyList<UhriLine> lines, CancellationToken ct)
    {
        var streams = lines.ToDictionary(l => StreamId.ForRecommendation(l.Recommendation.Id).ToString(), l => l.Recommendation.Id, StringComparer.Ordinal);
        await using var cmd = dataSource.CreateCommand("select id, version from streams where id = any($1)");
        cmd.Parameters.Add(new() { Value = streams.Keys.ToArray() });
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions[streams[reader.GetString(0)]] = reader.GetInt64(1);
        }

        return versions;
    }
}
