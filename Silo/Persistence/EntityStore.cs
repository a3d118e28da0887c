using System.Text.Json;
using FundManager.Entities;
using FundManager.Persistence.Json;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// What an entity's grain reads and writes: its history once, when it activates; then each command of an entity of no
/// fund (a donor, a recommendation), grouped with the silo's other such commands of the moment (a fund's pledges and
/// grants are written by the fund's grain); and the command log, to answer a command id sent again.
/// </summary>
public sealed class EntityStore(NpgsqlDataSource dataSource) : IDisposable
{
    // Enough to fill a transaction without making one group wait on a huge batch.
    private const int MaxGroup = 256;

    private readonly WriterConnections _writers = new(dataSource);
    private readonly Lock _gate = new();
    private readonly List<PendingWrite> _queue = [];
    private bool _flushing;

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

    /// <summary>
    /// Writes a command of an entity of no fund. The commands of the silo's grains that arrive while a transaction commits
    /// wait and are written together in the next one (one round trip, one flush); a command the database refuses is
    /// answered alone and the others are written without it, so each command is still all or nothing.
    /// </summary>
    public Task<WriteOutcome> WriteAsync(CommandWrite write)
    {
        var pending = new PendingWrite(write);
        lock (_gate)
        {
            _queue.Add(pending);
            if (!_flushing)
            {
                _flushing = true;

                // Out of the calling grain's scheduler: the loop serves every grain of the silo.
                _ = Task.Run(FlushAsync);
            }
        }

        return pending.Done.Task;
    }

    /// <summary>The first result of a command id already logged (marked replayed), or null; another body under the id is refused.</summary>
    public async Task<CommandResult?> ReplayAsync(CommandId id, byte[] bodyHash, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await CommandLog.ReplayAsync(connection, null, id, bodyHash, ct);
    }

    // The one loop that writes: it runs while writes are queued, one group at a time.
    private async Task FlushAsync()
    {
        while (true)
        {
            List<PendingWrite> group;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                group = _queue.Take(MaxGroup).ToList();
                _queue.RemoveRange(0, group.Count);
            }

            await CommitAsync(group);
        }
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        var candidates = group;
        while (candidates.Count > 0)
        {
            GroupCommit commit;
            try
            {
                commit = await GroupTransaction.CommitAsync(_writers, candidates.Select(p => new GroupedWrite(p.Write, [], null)).ToList(), CancellationToken.None);
            }
            catch (Exception e)
            {
                // A fault of the program, not of the data: every write of the group fails with it.
                candidates.ForEach(p => p.Done.TrySetException(e));
                return;
            }

            if (commit.Index is { } index)
            {
                candidates[index].Done.TrySetResult(commit.Failure!);
                candidates = candidates.Where((_, i) => i != index).ToList();
                continue;
            }

            candidates.ForEach(p => p.Done.TrySetResult(commit.Failure ?? WriteOutcome.Committed));
            return;
        }
    }

    public void Dispose() => _writers.Dispose();

    private sealed record PendingWrite(CommandWrite Write)
    {
        public TaskCompletionSource<WriteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
