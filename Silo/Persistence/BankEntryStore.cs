using FundManager.Banking;
using FundManager.Common;
using FundManager.Finance;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>Bank statements' entries as imported (see <see cref="BankStatementImport"/>): found, and marked confirmed when their receipt is recorded.</summary>
public sealed class BankEntryStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = """
        position, account, reference, message_id, statement_id, amount, currency, is_credit, booked_on, value_on, debtor_name,
        debtor_iban, remittance, status, match_rule, match_note, pledge_id, instalment, donor_id, receipt_id, confirmed_by, confirmed_at
        """;

    /// <summary>Starts an import of statements (dispose of it uncommitted and nothing is stored).</summary>
    public Task<BankStatementImport> BeginImportAsync(BankMatcher matcher, UserId actor, CancellationToken ct) =>
        BankStatementImport.BeginAsync(dataSource, matcher, actor, clock.GetUtcNow(), ct);

    /// <summary>Entries in the order they were imported: optionally of one status and account, after a position, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<BankEntryRecord>> FindAsync(BankEntryStatus? status, string? account, long? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand { Connection = connection };
        var filter = new SqlFilter(cmd)
            .Where("status = {value}", status is { } s ? StatusText(s) : null, NpgsqlDbType.Text)
            .Where("account = {value}", account, NpgsqlDbType.Text)
            .Where("position > {value}", after, NpgsqlDbType.Bigint);
        cmd.CommandText = $"select {Columns} from bank_entries where {filter} order by position limit {filter.Parameter(limit)}";
        return await ReadAsync(cmd, ct);
    }

    public async Task<BankEntryRecord?> FindAsync(long position, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"select {Columns} from bank_entries where position = $1", connection);
        cmd.Parameters.Add(new() { Value = position });
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    /// <summary>
    /// Marks an entry confirmed with the receipt it became (once: an entry confirmed already keeps its first receipt). The
    /// donor proposed stays when the pledge is the one proposed; on another pledge the donor is <paramref name="donor"/>,
    /// when known.
    /// </summary>
    public async Task MarkConfirmedAsync(long position, Guid pledge, Guid? donor, Guid receipt, UserId actor, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            update bank_entries set status = 'confirmed', pledge_id = $2, donor_id = case when pledge_id = $2 then donor_id else $3 end, receipt_id = $4, confirmed_by = $5, confirmed_at = $6
            where position = $1 and status <> 'confirmed'
            """, connection);
        cmd.Parameters.Add(new() { Value = position });
        cmd.Parameters.Add(new() { Value = pledge });
        cmd.Parameters.Add(new() { Value = (object?)donor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new() { Value = receipt });
        cmd.Parameters.Add(new() { Value = actor.Value });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static string StatusText(BankEntryStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<IReadOnlyList<BankEntryRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var found = new List<BankEntryRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new BankEntryRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                new Money(reader.GetDecimal(5), CurrencyCode.Parse(reader.GetString(6))),
                reader.GetBoolean(7),
                reader.GetFieldValue<DateOnly>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetFieldValue<string[]>(12),
                Enum.Parse<BankEntryStatus>(reader.GetString(13), ignoreCase: true),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetString(15),
                reader.IsDBNull(16) ? null : reader.GetGuid(16),
                reader.IsDBNull(17) ? null : reader.GetInt32(17),
                reader.IsDBNull(18) ? null : reader.GetGuid(18),
                reader.IsDBNull(19) ? null : reader.GetGuid(19),
                reader.IsDBNull(20) ? null : reader.GetString(20),
                reader.IsDBNull(21) ? null : reader.GetFieldValue<DateTimeOffset>(21)));
        }

        return found;
    }
}
