using FundManager.Banking;
using FundManager.Common;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>
/// One import of bank statements, in one transaction: all of it is stored, or (when the file proves bad halfway, or the
/// import is disposed of uncommitted) none of it. Entries are stored in batches as they are read, so a file of any size
/// takes the same memory; an entry already stored (by an earlier import, or earlier in this file) is left as it was, and
/// each new credit is matched as it is stored. Imports take turns: one waits for another to commit, so two of the same
/// file cannot both find an entry new.
/// </summary>
public sealed class BankStatementImport : IAsyncDisposable
{
    private const int BatchSize = 2_000;

    // Any constant will do; it only has to be the same for every FundManager process.
    private const long ImportLockKey = 0x46_4D_42_61_6E_6BL;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _tx;
    private readonly BankMatcher _matcher;
    private readonly UserId _actor;
    private readonly DateTimeOffset _now;
    private readonly List<(BankStatement Statement, BankEntry Entry)> _batch = [];
    private int _statements;
    private int _newStatements;
    private long _entries;
    private readonly Dictionary<BankEntryStatus, long> _new = Enum.GetValues<BankEntryStatus>().ToDictionary(s => s, _ => 0L);

    private BankStatementImport(NpgsqlConnection connection, NpgsqlTransaction tx, BankMatcher matcher, UserId actor, DateTimeOffset now)
    {
        (_connection, _tx, _matcher, _actor, _now) = (connection, tx, matcher, actor, now);
    }

    /// <summary>Starts an import once any other has finished, with what earlier proposals not yet confirmed set aside in <paramref name="matcher"/>.</summary>
    public static async Task<BankStatementImport> BeginAsync(NpgsqlDataSource dataSource, BankMatcher matcher, UserId actor, DateTimeOffset now, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var tx = await connection.BeginTransactionAsync(ct);
            await using (var lockImports = new NpgsqlCommand($"select pg_advisory_xact_lock({ImportLockKey})", connection, tx))
            {
                await lockImports.ExecuteNonQueryAsync(ct);
            }

            await using (var proposed = new NpgsqlCommand("select pledge_id, instalment, amount from bank_entries where status = 'proposed'", connection, tx))
            await using (var reader = await proposed.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    matcher.SetAside(new PledgeId(reader.GetGuid(0)), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetDecimal(2));
                }
            }

            return new BankStatementImport(connection, tx, matcher, actor, now);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask AddStatementAsync(BankStatement statement, CancellationToken ct)
    {
        // The entries read so far belong to earlier statements, which are stored: store them first.
        await FlushAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            insert into bank_statements (message_id, account, statement_id, currency, opening, closing, closing_on, imported_at, imported_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict do nothing
            """, _connection, _tx);
        cmd.Parameters.Add(new() { Value = statement.MessageId });
        cmd.Parameters.Add(new() { Value = statement.Account });
        cmd.Parameters.Add(new() { Value = statement.StatementId });
        cmd.Parameters.Add(new() { Value = statement.Currency.Code });
        cmd.Parameters.Add(new() { Value = statement.Opening });
        cmd.Parameters.Add(new() { Value = statement.Closing });
        cmd.Parameters.Add(new() { Value = (object?)statement.ClosingOn ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.Add(new() { Value = _now });
        cmd.Parameters.Add(new() { Value = _actor.Value });
        _newStatements += await cmd.ExecuteNonQueryAsync(ct);
        _statements++;
    }

    public async ValueTask AddEntryAsync(BankStatement statement, BankEntry entry, CancellationToken ct)
    {
        _batch.Add((statement, entry));
        _entries++;
        if (_batch.Count >= BatchSize)
        {
            await FlushAsync(ct);
        }
    }

    /// <summary>Stores what is left, with the audit record of the request (if any), and commits.</summary>
    public async Task<BankImportResult> CommitAsync(AuditEntry? audit, CancellationToken ct)
    {
        await FlushAsync(ct);
        if (audit is not null)
        {
            await AuditLog.WriteAsync(_connection, _tx, audit, null, ct);
        }

        await _tx.CommitAsync(ct);
        return new BankImportResult(
            _statements, _newStatements, _entries, _new.Values.Sum(),
            _new[BankEntryStatus.Proposed], _new[BankEntryStatus.Suspense], _new[BankEntryStatus.Debit], _new[BankEntryStatus.Pending]);
    }

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var stored = await StoredAsync(ct);
        await using (var writer = await _connection.BeginBinaryImportAsync("""
            copy bank_entries (account, reference, message_id, statement_id, amount, currency, is_credit, booked_on, value_on,
                               debtor_name, debtor_iban, remittance, status, match_rule, match_note, pledge_id, instalment, donor_id)
            from stdin (format binary)
            """, ct))
        {
            foreach (var (statement, entry) in _batch)
            {
                if (!stored.Add((statement.Account, entry.Reference)))
                {
                    continue;
                }

                var match = _matcher.Match(entry);
                _new[match.Status]++;
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(statement.Account, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(entry.Reference, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(statement.MessageId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(statement.StatementId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(entry.Amount.Amount, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(entry.Amount.Currency.Code, NpgsqlDbType.Char, ct);
                await writer.WriteAsync(entry.IsCredit, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(entry.BookedOn, NpgsqlDbType.Date, ct);
                await WriteOrNullAsync(writer, entry.ValueOn, NpgsqlDbType.Date, ct);
                await WriteOrNullAsync(writer, entry.DebtorName, NpgsqlDbType.Text, ct);
                await WriteOrNullAsync(writer, entry.DebtorIban, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(entry.Remittance.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await writer.WriteAsync(BankEntryStore.StatusText(match.Status), NpgsqlDbType.Text, ct);
                await WriteOrNullAsync(writer, match.Rule, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(match.Note, NpgsqlDbType.Text, ct);
                await WriteOrNullAsync(writer, match.Pledge?.Value, NpgsqlDbType.Uuid, ct);
                await WriteOrNullAsync(writer, match.Instalment, NpgsqlDbType.Integer, ct);
                await WriteOrNullAsync(writer, match.Donor?.Value, NpgsqlDbType.Uuid, ct);
            }

            await writer.CompleteAsync(ct);
        }

        _batch.Clear();
    }

    // The entries of the batch stored already, by account and reference.
    private async Task<HashSet<(string Account, string Reference)>> StoredAsync(CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select b.account, b.reference from bank_entries b
            join unnest($1::text[], $2::text[]) as batch (account, reference) on b.account = batch.account and b.reference = batch.reference
            """, _connection, _tx);
        cmd.Parameters.Add(new() { Value = _batch.Select(b => b.Statement.Account).ToArray() });
        cmd.Parameters.Add(new() { Value = _batch.Select(b => b.Entry.Reference).ToArray() });
        var stored = new HashSet<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored.Add((reader.GetString(0), reader.GetString(1)));
        }

        return stored;
    }

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct =>
        value is { } present ? writer.WriteAsync(present, type, ct) : writer.WriteNullAsync(ct);

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
