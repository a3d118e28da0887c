using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// Applies versioned SQL migrations (<see cref="Migration"/>), each in its own transaction, in order. Safe to run twice and from several processes at once:
/// an advisory lock makes the others wait, and applied versions are skipped.
/// </summary>
public static class Migrator
{
    // Any constant will do; it only has to be the same for every FundManager process.
    private const long AdvisoryLockKey = 0x46_75_6E_64_4D_67_72L;

    /// <summary>Applies what is missing of <paramref name="migrations"/>; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, null, $"select pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await Execute(
                connection,
                null,
                "create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())",
                ct);
            var applied = await AppliedAsync(connection, ct);
            var done = new List<int>();
            foreach (var (version, name, sql) in migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, tx, sql, ct);
                await using var record = new NpgsqlCommand("insert into schema_migrations (version, name) values ($1, $2)", connection, tx);
                record.Parameters.Add(new() { Value = version });
                record.Parameters.Add(new() { Value = name });
                await record.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
                done.Add(version);
            }

            return done;
        }
        finally
        {
            await Execute(connection, null, $"select pg_advisory_unlock({AdvisoryLockKey})", ct);
        }
    }

    /// <summary>True when every one of <paramref name="migrations"/> has been applied to the database.</summary>
    public static async Task<bool> IsUpToDateAsync(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var exists = new NpgsqlCommand("select to_regclass('schema_migrations') is not null", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            return false;
        }

        var applied = await AppliedAsync(connection, ct);
        return migrations.All(m => applied.Contains(m.Version));
    }

    private static async Task<HashSet<int>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new HashSet<int>();
        await using var cmd = new NpgsqlCommand("select version from schema_migrations", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
