using System.Text.Json;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Persistence.Json;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>Reads entities and their histories outside any command (for queries, reports and verification).</summary>
public sealed class EntityReader(NpgsqlDataSource dataSource, EntityCache cache)
{
    /// <summary>
    /// Rebuilds an entity from its history; <see cref="Entity{TEvent}.Exists"/> is false if it has none. Only the
    /// events newer than those cached are read from the database.
    /// </summary>
    public async Task<TEntity> LoadAsync<TEntity, TEvent>(StreamId stream, CancellationToken ct = default)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var key = stream.ToString();
        var cached = cache.Get(key);
        var events = new List<object>(cached);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand("select type, data from events where stream_id = $1 and version > $2 order by version", connection))
        {
            cmd.Parameters.Add(new() { Value = key });
            cmd.Parameters.Add(new() { Value = (long)cached.Count });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.NextRowAsync(ct))
            {
                events.Add(JsonSerializer.Deserialize(reader.GetString(1), EventTypes.TypeOf(reader.GetString(0)), StoredJson.Options)!);
            }
        }

        if (events.Count > cached.Count)
        {
            cache.Put(key, events);
        }

        var entity = new TEntity();
        foreach (var e in events)
        {
            entity.Apply((TEvent)e);
        }

        return entity;
    }

    /// <summary>
    /// A page of entities found by their listings (see <see cref="ListingQuery"/>), in key order. One round trip
    /// when every entity of the page is cached at its current version; a second for the events that are not.
    /// </summary>
    public async Task<IReadOnlyList<TEntity>> ListAsync<TEntity, TEvent>(ListingQuery query, CancellationToken ct = default)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var streams = new List<(string Stream, long Version)>();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = ListingCommand(query, connection, "id, version"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.NextRowAsync(ct))
            {
                streams.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return await LoadManyAsync<TEntity, TEvent>(streams, ct);
    }

    /// <summary>The listings a query finds (every match when its limit allows), without loading the entities.</summary>
    public async Task<IReadOnlyList<StreamListing>> ListingsAsync(ListingQuery query, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = ListingCommand(query, connection, "id, version, fund_code, donor_id, status, category, country, region, years, label, awaiting");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var listings = new List<StreamListing>();
        while (await reader.NextRowAsync(ct))
        {
            listings.Add(new StreamListing(
                StreamId.Parse(reader.GetString(0)),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : FundCode.Parse(reader.GetString(2)),
                new Listing(
                    reader.IsDBNull(3) ? null : reader.GetGuid(3), Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7),
                    reader.GetFieldValue<int[]>(8), Text(reader, 9), Text(reader, 10))));
        }

        return listings;
    }

    /// <summary>The labels (names, titles) of the streams given, in one read: what a list shows for the ids its rows hold.</summary>
    public async Task<IReadOnlyDictionary<StreamId, string>> LabelsAsync(IEnumerable<StreamId> streams, CancellationToken ct = default)
    {
        var labels = new Dictionary<StreamId, string>();
        await using var cmd = dataSource.CreateCommand("select id, label from streams where id = any($1) and label is not null");
        cmd.Parameters.Add(new() { Value = streams.Select(s => s.ToString()).Distinct().ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            labels[StreamId.Parse(reader.GetString(0))] = reader.GetString(1);
        }

        return labels;
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>Loads any listed entity by its stream's kind.</summary>
    public async Task<IListed> LoadListedAsync(StreamId stream, CancellationToken ct = default) => stream.Kind switch
    {
        EntityKind.Fund => await LoadAsync<Fund, FundEvent>(stream, ct),
        EntityKind.Donor => await LoadAsync<Donors.Donor, Donors.DonorEvent>(stream, ct),
        EntityKind.Pledge => await LoadAsync<Pledges.Pledge, Pledges.PledgeEvent>(stream, ct),
        EntityKind.Grant => await LoadAsync<Grants.Grant, Grants.GrantEvent>(stream, ct),
        EntityKind.Recommendation => await LoadAsync<Recommendations.UprRecommendation, Recommendations.RecommendationEvent>(stream, ct),
        _ => throw new InvalidOperationException($"No entity kind '{stream.Kind}'."),
    };

    /// <summary>Several entities at known versions (as listed): only the events newer than those cached are read, all in one round trip.</summary>
    public Task<IReadOnlyList<TEntity>> LoadManyAsync<TEntity, TEvent>(IReadOnlyList<StreamListing> listed, CancellationToken ct = default)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class =>
        LoadManyAsync<TEntity, TEvent>(listed.Select(l => (l.Stream.ToString(), l.Version)).ToList(), ct);

    /// <summary>Several entities as they stand now, all in one round trip (an entity never written is returned not existing).</summary>
    public Task<IReadOnlyList<TEntity>> LoadManyAsync<TEntity, TEvent>(IReadOnlyList<StreamId> streams, CancellationToken ct = default)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class =>
        LoadManyAsync<TEntity, TEvent>(streams.Select(s => s.ToString()).Distinct(StringComparer.Ordinal).Select(s => (s, long.MaxValue)).ToList(), ct);

    private async Task<IReadOnlyList<TEntity>> LoadManyAsync<TEntity, TEvent>(IReadOnlyList<(string Stream, long Version)> streams, CancellationToken ct)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var events = streams.ToDictionary(s => s.Stream, s => new List<object>(cache.Get(s.Stream)), StringComparer.Ordinal);
        var behind = streams.Where(s => events[s.Stream].Count < s.Version).Select(s => s.Stream).ToArray();
        if (behind.Length > 0)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                select e.stream_id, e.type, e.data
                from unnest($1::text[], $2::bigint[]) as c (stream_id, cached)
                join events e on e.stream_id = c.stream_id and e.version > c.cached
                order by e.stream_id, e.version
                """, connection);
            cmd.Parameters.Add(new() { Value = behind });
            cmd.Parameters.Add(new() { Value = behind.Select(s => (long)events[s].Count).ToArray() });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.NextRowAsync(ct))
            {
                events[reader.GetString(0)].Add(JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(2), EventTypes.TypeOf(reader.GetString(1)), StoredJson.Options)!);
            }

            foreach (var stream in behind)
            {
                cache.Put(stream, events[stream]);
            }
        }

        var entities = new List<TEntity>(streams.Count);
        foreach (var (stream, _) in streams)
        {
            var entity = new TEntity();
            foreach (var e in events[stream])
            {
                entity.Apply((TEvent)e);
            }

            entities.Add(entity);
        }

        return entities;
    }

    private static NpgsqlCommand ListingCommand(ListingQuery query, NpgsqlConnection connection, string columns)
    {
        var cmd = new NpgsqlCommand { Connection = connection };
        var filter = new SqlFilter(cmd)
            .Where("kind = {value}", query.Kind, NpgsqlDbType.Text)
            .Where("fund_code = {value}", query.Fund?.Value, NpgsqlDbType.Text)
            .Where("donor_id = {value}", query.Donor, NpgsqlDbType.Uuid)
            .Where("status = {value}", query.Status, NpgsqlDbType.Text)
            .Where("status = any({value})", query.Statuses?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
            .Where("category = {value}", query.Category, NpgsqlDbType.Text)
            .Where("awaiting = any({value})", query.Awaiting?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
            .Where("country = {value}", query.Country, NpgsqlDbType.Text)
            .Where("region = {value}", query.Region, NpgsqlDbType.Text)
            .Where("years @> array[{value}::int]", query.Year, NpgsqlDbType.Integer)
            .Where("id collate \"C\" > {value}", query.After is null ? null : query.Kind + "/" + query.After, NpgsqlDbType.Text);
        cmd.CommandText = $"select {columns} from streams where {filter} order by id collate \"C\" limit {filter.Parameter(query.Limit)}";
        return cmd;
    }

    /// <summary>
    /// Every entity of a kind (optionally of one fund), rebuilt, in order of creation. The histories are read in one
    /// query, each event parsed and applied as it arrives, so that memory holds the entities and never the histories.
    /// </summary>
    public async Task<IReadOnlyList<TEntity>> AllAsync<TEntity, TEvent>(string kind, FundCode? fund = null, CancellationToken ct = default)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        // The JSON is parsed from the UTF-8 it is stored in, never decoded to text first.
        var entities = new List<TEntity>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            select e.stream_id, e.type, e.data from events e join streams s on s.id = e.stream_id
            where s.kind = $1 and ($2::text is null or s.fund_code = $2)
            order by s.created_at, s.id, e.version
            """, connection);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = (object?)fund?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.ForLargeResult();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        string? current = null;
        TEntity? entity = null;
        while (await reader.NextRowAsync(ct))
        {
            var stream = reader.GetString(0);
            if (stream != current)
            {
                entity = new TEntity();
                entities.Add(entity);
                current = stream;
            }

            entity!.Apply((TEvent)JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(2), EventTypes.TypeOf(reader.GetString(1)), StoredJson.Options)!);
        }

        return entities;
    }

    /// <summary>An entity's events, oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> HistoryAsync(StreamId stream, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select version, type, data, actor, recorded_at, command_id, reason from events where stream_id = $1 order by version", connection);
        cmd.Parameters.Add(new() { Value = stream.ToString() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var history = new List<StoredEvent>();
        while (await reader.NextRowAsync(ct))
        {
            var type = reader.GetString(1);
            history.Add(new StoredEvent(
                stream.ToString(),
                reader.GetInt64(0),
                type,
                JsonSerializer.Deserialize(reader.GetString(2), EventTypes.TypeOf(type), StoredJson.Options)!,
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return history;
    }
}
