using System.Data;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// The connections a group-commit loop writes through, the one returned last handed out first. Npgsql's pool hands out
/// the connection idle longest, so each group of a busy loop went to another server process, woken from its sleep; here
/// a loop keeps writing through the process its last group left warm (README, "The cluster": about a tenth more
/// postings per second with eight writers). A connection idle longer than <see cref="MaxIdle"/> is closed rather than
/// used, as the pool retires its own idle ones, and one that failed is never handed out again.
/// </summary>
public sealed class WriterConnections(NpgsqlDataSource dataSource, TimeProvider? clock = null) : IDisposable
{
    /// <summary>How long a connection may wait here unused and still be handed out.</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Stack<(NpgsqlConnection Connection, DateTimeOffset Since)> _idle = new();
    private bool _disposed;

    /// <summary>The connection returned last, or a new one when none is left that has waited less than <see cref="MaxIdle"/>.</summary>
    public async ValueTask<NpgsqlConnection> RentAsync(CancellationToken ct)
    {
        NpgsqlConnection[] stale;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPeek(out var last) && _clock.GetUtcNow() - last.Since <= MaxIdle)
            {
                return _idle.Pop().Connection;
            }

            // The last one returned waited too long, and the ones below it longer still.
            stale = _idle.Select(i => i.Connection).ToArray();
            _idle.Clear();
        }

        Array.ForEach(stale, c => c.Dispose());
        return await dataSource.OpenConnectionAsync(ct);
    }

    /// <summary>Takes a rented connection back; one that is no longer open (it failed) is closed for good.</summary>
    public void Return(NpgsqlConnection connection)
    {
        lock (_gate)
        {
            if (!_disposed && connection.State == ConnectionState.Open)
            {
                _idle.Push((connection, _clock.GetUtcNow()));
                return;
            }
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        List<NpgsqlConnection> idle;
        lock (_gate)
        {
            _disposed = true;
            idle = _idle.Select(i => i.Connection).ToList();
            _idle.Clear();
        }

        idle.ForEach(c => c.Dispose());
    }
}
