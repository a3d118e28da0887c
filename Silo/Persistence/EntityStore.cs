using System.Text.Json;
using FundManager.Entities;
using FundManager.Persistence.Json;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// What an entity's grain reads and writes: its history once, when it activates; then each command that posts nothing,
/// in a transaction of its own (commands that post are written by their fund's grain); and the command log, to answer a
/// command id sent again.
/// </summary>
public sealed class EntityStore(NpgsqlDataSource dataSource)
{
    /// <summary>The stream's events, oldest first (none for an entity that does not exist yet).</summary>
    public async Task<List<object>> LoadAsync(StreamId stream, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("select type, data from events where stream_id = $1 order by version", connection);
        cmd.Parameters.Add(new() { Value = stream.ToString() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var events = new List<object>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(JsonSerializer.Deserialize(reader.GetString(1), EventTypes.TypeOf(reader.GetString(0)), StoredJson.Options)!);
        }

        return events;
    }

    /// <summary>The fund an entity's stream belongs to, or null (no such stream, or not a fund's).</summary>
    public async Task<string?> FundOfAsync(StreamId stream, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("select fund_code from streams where id = $1");
        cmd.Parameters.Add(new() { Value = stream.ToString() });
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Writes a command that posts nothing: one implicit transaction, one round trip.</summary>
    public async Task<WriteOutcome> WriteAsync(CommandWrite write, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        CommandStatements.Append(batch, write, []);
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
            return WriteOutcome.Committed;
        }
        catch (PostgresException e)
        {
            return CommandStatements.Classify(e, write);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            // The connection failed: the commit may have happened or not.
            return WriteOutcome.Of(WriteStatus.Unknown);
        }
    }

    /// <summary>The first result of a command id already logged (marked replayed), or null; another body under the id is refused.</summary>
    public async Task<CommandResult?> ReplayAsync(CommandId id, byte[] bodyHash, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await CommandLog.ReplayAsync(connection, null, id, bodyHash, ct);
    }
}
