using FundManager.Common;
using FundManager.Finance;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// The recorded UN operational rates of exchange. A rate for a currency and date is recorded once;
/// recording the same again changes nothing, a different rate for the same date is refused.
/// </summary>
public sealed class ExchangeRateStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Records rates in one transaction (with the audit record of the request that imports them, if any); returns how many were new.</summary>
    public async Task<int> RecordAsync(IEnumerable<ExchangeRate> rates, CancellationToken ct = default, AuditEntry? audit = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = 0;
        foreach (var rate in rates)
        {
            if (rate.Currency == CurrencyCode.Usd)
            {
                continue;
            }

            await using var cmd = new NpgsqlCommand("""
                insert into exchange_rates (currency, effective_on, units_per_usd, recorded_at) values ($1, $2, $3, $4)
                on conflict (currency, effective_on) do nothing
                returning 1
                """, connection, tx);
            cmd.Parameters.Add(new() { Value = rate.Currency.Code });
            cmd.Parameters.Add(new() { Value = rate.EffectiveOn });
            cmd.Parameters.Add(new() { Value = rate.UnitsPerUsd });
            cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
            if (await cmd.ExecuteScalarAsync(ct) is not null)
            {
                added++;
                continue;
            }

            await using var existing = new NpgsqlCommand("select units_per_usd from exchange_rates where currency = $1 and effective_on = $2", connection, tx);
            existing.Parameters.Add(new() { Value = rate.Currency.Code });
            existing.Parameters.Add(new() { Value = rate.EffectiveOn });
            var recorded = (decimal)(await existing.ExecuteScalarAsync(ct))!;
            if (recorded != rate.UnitsPerUsd)
            {
                throw RuleViolation.Of(
                    BusinessRule.ExchangeRateConflict,
                    $"{rate.Currency} already has the rate {recorded} effective {rate.EffectiveOn:yyyy-MM-dd}; a revision takes a new effective date.",
                    "rate",
                    ("currency", rate.Currency.Code),
                    ("effectiveOn", rate.EffectiveOn),
                    ("recorded", recorded),
                    ("rate", rate.UnitsPerUsd));
            }
        }

        if (audit is not null)
        {
            await AuditLog.WriteAsync(connection, tx, audit, null, ct);
        }

        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>
    /// Recorded rates by currency, then effective date: optionally of one currency, effective within a date range,
    /// after the rate whose <see cref="Key"/> is <paramref name="after"/>, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<ExchangeRate>> FindAsync(
        CurrencyCode? currency, DateOnly? from, DateOnly? to, string? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand { Connection = connection };
        var filter = new SqlFilter(cmd)
            .Where("currency = {value}", currency?.Code, NpgsqlTypes.NpgsqlDbType.Text)
            .Where("effective_on >= {value}", from, NpgsqlTypes.NpgsqlDbType.Date)
            .Where("effective_on <= {value}", to, NpgsqlTypes.NpgsqlDbType.Date)
            .Where("(currency || ':' || to_char(effective_on, 'YYYY-MM-DD')) collate \"C\" > {value}", after, NpgsqlTypes.NpgsqlDbType.Text);
        cmd.CommandText = $"""
            select currency, effective_on, units_per_usd from exchange_rates where {filter}
            order by currency collate "C", effective_on limit {filter.Parameter(limit)}
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rates = new List<ExchangeRate>();
        while (await reader.ReadAsync(ct))
        {
            rates.Add(new ExchangeRate(CurrencyCode.Parse(reader.GetString(0)), reader.GetDecimal(2), reader.GetFieldValue<DateOnly>(1)));
        }

        return rates;
    }

    /// <summary>For each currency, the latest date a rate of it is effective from (null when it has none).</summary>
    public async Task<IReadOnlyDictionary<CurrencyCode, DateOnly?>> LatestAsync(IEnumerable<CurrencyCode> currencies, CancellationToken ct = default)
    {
        var wanted = currencies.Distinct().ToList();
        var latest = wanted.ToDictionary(c => c, _ => (DateOnly?)null);
        await using var cmd = dataSource.CreateCommand("select currency, max(effective_on) from exchange_rates where currency = any($1) group by currency");
        cmd.Parameters.Add(new() { Value = wanted.Select(c => c.Code).ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            latest[CurrencyCode.Parse(reader.GetString(0))] = reader.GetFieldValue<DateOnly>(1);
        }

        return latest;
    }

    /// <summary>Every currency with a rate, and the latest date a rate of it is effective from.</summary>
    public async Task<IReadOnlyList<(CurrencyCode Currency, DateOnly LatestFrom)>> CurrenciesAsync(CancellationToken ct = default)
    {
        var found = new List<(CurrencyCode, DateOnly)>();
        await using var cmd = dataSource.CreateCommand("select currency, max(effective_on) from exchange_rates group by currency order by currency");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add((CurrencyCode.Parse(reader.GetString(0)), reader.GetFieldValue<DateOnly>(1)));
        }

        return found;
    }

    /// <summary>The key a rate is ordered by: <c>EUR:2025-01-01</c>.</summary>
    public static string Key(CurrencyCode currency, DateOnly on) => $"{currency.Code}:{on:yyyy-MM-dd}";

    public async Task<ExchangeRateTable> LoadAsync(CurrencyCode currency, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await LoadAsync(connection, null, currency, ct);
    }

    internal static async Task<ExchangeRateTable> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CurrencyCode currency, CancellationToken ct) =>
        await ReadAsync(connection, tx, currency, "select effective_on, units_per_usd from exchange_rates where currency = $1", null, ct);

    /// <summary>The rate of <paramref name="currency"/> in force on <paramref name="on"/> (none for USD, which needs none).</summary>
    public async Task<ExchangeRateTable> InForceAsync(CurrencyCode currency, DateOnly on, CancellationToken ct = default)
    {
        if (currency == CurrencyCode.Usd)
        {
            return new ExchangeRateTable([]);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await LoadAsync(connection, null, currency, on, ct);
    }

    /// <summary>Only the rate in force on <paramref name="on"/>: a command converts on one day, and a currency may have hundreds of monthly rates.</summary>
    internal static async Task<ExchangeRateTable> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CurrencyCode currency, DateOnly on, CancellationToken ct) =>
        await ReadAsync(connection, tx, currency,
            "select effective_on, units_per_usd from exchange_rates where currency = $1 and effective_on <= $2 order by effective_on desc limit 1", on, ct);

    private static async Task<ExchangeRateTable> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CurrencyCode currency, string sql, DateOnly? on, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.Add(new() { Value = currency.Code });
        if (on is { } day)
        {
            cmd.Parameters.Add(new() { Value = day });
        }

        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rates = new List<ExchangeRate>();
        while (await reader.ReadAsync(ct))
        {
            rates.Add(new ExchangeRate(currency, reader.GetDecimal(1), reader.GetFieldValue<DateOnly>(0)));
        }

        return new ExchangeRateTable(rates);
    }
}
