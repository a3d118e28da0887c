using System.Text.Json;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Persistence.Json;
using Npgsql;

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
            while (await reader.ReadAsync(ct))
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

    /// <summary>The pledges of one donor, found through the donor recorded in each pledge's announcement.</summary>
    public async Task<IReadOnlyList<Pledges.Pledge>> PledgesOfDonorAsync(Common.DonorId donor, CancellationToken ct = default)
    {
        var streams = new List<string>();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand("select stream_id from events where type = 'PledgeAnnounced' and data ->> 'donor' = $1 order by stream_id", connection))
        {
            cmd.Parameters.Add(new() { Value = donor.ToString() });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                streams.Add(reader.GetString(0));
            }
        }

        return await LoadManyAsync<Pledges.Pledge, Pledges.PledgeEvent>(streams, ct);
    }

    /// <summary>Several entities in one round trip: for each, only the events newer than those cached.</summary>
    public async Task<IReadOnlyList<TEntity>> LoadManyAsync<TEntity, TEvent>(IReadOnlyList<string> streams, CancellationToken ct = default)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var events = streams.ToDictionary(s => s, s => new List<object>(cache.Get(s)), StringComparer.Ordinal);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand("""
            select e.stream_id, e.type, e.data
            from unnest($1::text[], $2::bigint[]) as c (stream_id, cached)
            join events e on e.stream_id = c.stream_id and e.version > c.cached
            order by e.stream_id, e.version
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = streams.ToArray() });
            cmd.Parameters.Add(new() { Value = streams.Select(s => (long)events[s].Count).ToArray() });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                events[reader.GetString(0)].Add(JsonSerializer.Deserialize(reader.GetString(2), EventTypes.TypeOf(reader.GetString(1)), StoredJson.Options)!);
            }
        }

        var entities = new List<TEntity>();
        foreach (var stream in streams)
        {
            var history = events[stream];
            if (history.Count > cache.Get(stream).Count)
            {
                cache.Put(stream, history);
            }

            var entity = new TEntity();
            foreach (var e in history)
            {
                entity.Apply((TEvent)e);
            }

            entities.Add(entity);
        }

        return entities;
    }

    /// <summary>Every entity of a kind (optionally of one fund), rebuilt, in order of creation.</summary>
    public async Task<IReadOnlyList<TEntity>> AllAsync<TEntity, TEvent>(string kind, FundCode? fund = null, CancellationToken ct = default)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            select e.stream_id, e.type, e.data from events e join streams s on s.id = e.stream_id
            where s.kind = $1 and ($2::text is null or s.fund_code = $2)
            order by s.created_at, s.id, e.version
            """, connection);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = (object?)fund?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var entities = new List<TEntity>();
        string? current = null;
        TEntity? entity = null;
        while (await reader.ReadAsync(ct))
        {
            var stream = reader.GetString(0);
            if (stream != current)
            {
                entity = new TEntity();
                entities.Add(entity);
                current = stream;
            }

            entity!.Apply((TEvent)JsonSerializer.Deserialize(reader.GetString(2), EventTypes.TypeOf(reader.GetString(1)), StoredJson.Options)!);
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
        while (await reader.ReadAsync(ct))
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
