using FundManager.Entities;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>
/// The listing columns of <c>streams</c> (migration 0005): written by every command together with the events,
/// and brought up to date at start-up for streams written before there were listings.
/// </summary>
public static class StreamListings
{
    // The listing's columns, in the order of AddParameters.
    private static readonly string[] Listed = ["donor_id", "status", "category", "country", "region", "years", "label", "awaiting"];

    /// <summary>The columns, in the order of <see cref="AddParameters"/>, then <c>listed_version</c>.</summary>
    internal static readonly string Columns = string.Join(", ", Listed) + ", listed_version";

    /// <summary>The listing columns set from the parameters <see cref="AddParameters"/> adds, numbered from <paramref name="first"/>.</summary>
    internal static string Assignments(int first) => string.Join(", ", Listed.Select((column, i) => $"{column} = ${first + i}"));

    internal static void AddParameters(NpgsqlParameterCollection parameters, Listing listing)
    {
        parameters.Add(new() { Value = (object?)listing.Donor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(Text(listing.Status));
        parameters.Add(Text(listing.Category));
        parameters.Add(Text(listing.Country));
        parameters.Add(Text(listing.Region));
        parameters.Add(new() { Value = (listing.Years ?? []).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        parameters.Add(Text(listing.Label));
        parameters.Add(Text(listing.Awaiting));
    }

    /// <summary>
    /// Lists every stream whose listing is older than its version (written before listings existed) from its
    /// entity's current state. A stream a command changes meanwhile keeps the listing that command wrote.
    /// </summary>
    /// <returns>How many listings were written.</returns>
    public static async Task<int> RefreshStaleAsync(NpgsqlDataSource dataSource, EntityReader reader, CancellationToken ct = default)
    {
        var stale = new List<StreamId>();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand("select id from streams where listed_version <> version", connection))
        await using (var rows = await cmd.ExecuteReaderAsync(ct))
        {
            while (await rows.ReadAsync(ct))
            {
                stale.Add(StreamId.Parse(rows.GetString(0)));
            }
        }

        var written = 0;
        foreach (var stream in stale)
        {
            var entity = await reader.LoadListedAsync(stream, ct);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var update = new NpgsqlCommand($"update streams set {Assignments(3)}, listed_version = $2 where id = $1 and version = $2", connection);
            update.Parameters.Add(new() { Value = stream.ToString() });
            update.Parameters.Add(new() { Value = entity.Version });
            AddParameters(update.Parameters, entity.Listing);
            written += await update.ExecuteNonQueryAsync(ct);
        }

        return written;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
