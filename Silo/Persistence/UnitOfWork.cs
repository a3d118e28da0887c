using System.Text.Json;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Finance;
using FundManager.Persistence.Json;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>
/// One command's transaction: entities loaded at their versions, the events decided, the journal
/// entries they post and the command's id, all written together by <see cref="FlushAsync"/> or not at all.
/// </summary>
public sealed class UnitOfWork
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly List<PendingEvent> _events = [];
    private readonly List<PendingPosting> _postings = [];
    private readonly Dictionary<string, (string Kind, FundCode? Fund, IListed? Entity)> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<FundCode, (long Seq, byte[] Hash)> _heads;
    private readonly BatchState? _batch;
    private readonly List<FundCode> _newLedgers = [];
    private readonly List<(string Reference, StreamId Pledge)> _receiptReferences = [];
    private readonly long? _expectedVersion;
    private readonly EntityCache _cache;
    private readonly Dictionary<string, List<object>> _loaded = new(StringComparer.Ordinal);

    internal UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, CommandId commandId, UserId actor, DateTimeOffset now, long? expectedVersion, EntityCache cache, BatchState? batch = null)
    {
        // Within a batch the heads stay locked from one command to the next, so what one command leaves is the next one's head.
        _batch = batch;
        _heads = batch?.Heads ?? [];
        _cache = cache;
        _expectedVersion = expectedVersion;
        _connection = connection;
        _transaction = transaction;
        CommandId = commandId;
        Actor = actor;
        Now = JournalHash.ToStoredPrecision(now);
    }

    public CommandId CommandId { get; }

    public UserId Actor { get; }

    /// <summary>The time the command is recorded at, from the injected clock.</summary>
    public DateTimeOffset Now { get; }

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Rebuilds an entity from its history; a stream with no events gives an entity at version 0.</summary>
    public async Task<TEntity> LoadAsync<TEntity, TEvent>(StreamId stream, CancellationToken ct)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var key = stream.ToString();
        var cached = _cache.Get(key);
        var events = new List<object>(cached);
        await using (var cmd = Command("select type, data from events where stream_id = $1 and version > $2 order by version", key, (long)cached.Count))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                events.Add(JsonSerializer.Deserialize(reader.GetString(1), EventTypes.TypeOf(reader.GetString(0)), StoredJson.Options)!);
            }
        }

        if (events.Count > cached.Count)
        {
            _cache.Put(key, events);
        }

        var entity = new TEntity();
        foreach (var e in events)
        {
            entity.Apply((TEvent)e);
        }

        _loaded[key] = events;
        return entity;
    }

    /// <summary>Like <see cref="LoadAsync{TEntity,TEvent}"/>, but an entity that does not exist is a refusal.</summary>
    public async Task<TEntity> GetAsync<TEntity, TEvent>(StreamId stream, CancellationToken ct)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var entity = await LoadAsync<TEntity, TEvent>(stream, ct);
        return entity.Exists
            ? entity
            : throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no {stream.Kind} {stream.Key}.", stream.Kind, ("id", stream.Key));
    }

    /// <summary>
    /// Loads the entity the command is about and, when the sender said which version they saw,
    /// refuses the command if the entity has moved on since (<see cref="BusinessRule.VersionMismatch"/>).
    /// </summary>
    public async Task<TEntity> TargetAsync<TEntity, TEvent>(StreamId stream, CancellationToken ct)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var entity = await GetAsync<TEntity, TEvent>(stream, ct);
        if (_expectedVersion is { } expected && expected != entity.Version)
        {
            throw RuleViolation.Of(
                BusinessRule.VersionMismatch,
                $"The {stream.Kind} is at version {entity.Version}, not the version {expected} the command was based on; reload and try again.",
                null,
                ("expected", expected),
                ("actual", entity.Version));
        }

        return entity;
    }

    /// <summary>The fund an entity's stream belongs to, or null if the stream does not exist.</summary>
    public async Task<FundCode?> FundOfStreamAsync(StreamId stream, CancellationToken ct)
    {
        await using var cmd = Command("select fund_code from streams where id = $1", stream.ToString());
        return await cmd.ExecuteScalarAsync(ct) is string code ? FundCode.Parse(code) : null;
    }

    public async Task<bool> ExistsAsync(StreamId stream, CancellationToken ct)
    {
        await using var cmd = Command("select exists (select 1 from streams where id = $1)", stream.ToString());
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Locks the fund's ledger for the rest of the transaction and reads the balances a commitment
    /// decision needs. Every posting to the fund waits for this lock, so two decisions that together
    /// would overspend cannot both see the same balances, whichever process makes them.
    /// </summary>
    public async Task<FundPosition> LockFundAsync(FundCode fund, decimal reserveRate, CancellationToken ct)
    {
        // Two statements, not one: under READ COMMITTED a statement that waited for the lock still reads the
        // other tables as of its start, so balances read together with the lock could be stale.
        await LockHeadAsync(fund, ct);
        await using var cmd = Command("select account, debit - credit from account_balances where fund_code = $1", fund.Value);
        var balances = new Dictionary<int, decimal>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                balances[reader.GetInt32(0)] = reader.GetDecimal(1);
            }
        }

        decimal Of(Account a) => balances.GetValueOrDefault((int)a);
        return new FundPosition(Money.Usd(Of(Account.Cash)), Money.Usd(-Of(Account.PscPayable)), Money.Usd(Of(Account.OpenCommitments)), reserveRate);
    }

    /// <summary>The operational rate of one currency in force on a day (the newest effective on or before it), or none.</summary>
    public async Task<ExchangeRateTable> RatesAsync(CurrencyCode currency, DateOnly on, CancellationToken ct)
    {
        if (currency == CurrencyCode.Usd)
        {
            return new ExchangeRateTable([]);
        }

        if (_batch?.Rates.GetValueOrDefault((currency, on)) is { } known)
        {
            return known;
        }

        var rates = await ExchangeRateStore.LoadAsync(_connection, _transaction, currency, on, ct);
        _batch?.Rates.TryAdd((currency, on), rates);
        return rates;
    }

    /// <summary>
    /// Applies decided events to the entity in memory and queues them, with the journal entries
    /// <paramref name="posting"/> derives from each (evaluated on the state before the event).
    /// </summary>
    public void Record<TEvent>(StreamId stream, Entity<TEvent> entity, IEnumerable<TEvent> events, FundCode? fund, Func<TEvent, JournalEntryDraft?>? posting = null)
        where TEvent : class
    {
        _streams[stream.ToString()] = (stream.Kind, fund, entity as IListed);
        foreach (var e in events)
        {
            var draft = posting?.Invoke(e);
            entity.Apply(e);
            var name = EventTypes.NameOf(e);
            _events.Add(new PendingEvent(stream.ToString(), entity.Version, name, JsonSerializer.Serialize(e, e.GetType(), StoredJson.Options), EventTypes.ReasonOf(e), e));
            if (draft is not null)
            {
                _postings.Add(new PendingPosting(draft, stream.ToString(), entity.Version, name));
            }
        }
    }

    /// <summary>Opens the ledger of a new fund in this transaction.</summary>
    public void OpenLedger(FundCode fund)
    {
        _newLedgers.Add(fund);
        _heads[fund] = (0, JournalHash.Genesis);
    }

    /// <summary>Claims a receipt reference; the database's unique key refuses a second claim, even from a racing process.</summary>
    public void ClaimReceiptReference(string reference, StreamId pledge) => _receiptReferences.Add((reference, pledge));

    /// <summary>After the commit: the entities this command changed are cached at their new versions.</summary>
    internal void Committed()
    {
        foreach (var group in _events.GroupBy(e => e.Stream))
        {
            var before = _loaded.TryGetValue(group.Key, out var loaded) ? loaded : [];
            if (before.Count + 1 == group.Min(e => e.Version))
            {
                _cache.Put(group.Key, [.. before, .. group.OrderBy(e => e.Version).Select(e => e.Event)]);
            }
        }
    }

    internal async Task FlushAsync(string kind, byte[] bodyHash, CommandResult result, CancellationToken ct)
    {
        foreach (var fund in _postings.Select(p => p.Draft.Fund).Distinct())
        {
            await LockHeadAsync(fund, ct);
        }

        await using var batch = new NpgsqlBatch(_connection, _transaction);
        foreach (var (id, (streamKind, fund, entity)) in _streams)
        {
            var version = _events.Where(e => e.Stream == id).Select(e => e.Version).DefaultIfEmpty(0).Max();
            if (version == 0)
            {
                continue;
            }

            var stream = Add(batch, $"""
                insert into streams (id, kind, fund_code, version, created_at, updated_at, {StreamListings.Columns})
                values ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $4)
                on conflict (id) do update set version = excluded.version, updated_at = excluded.updated_at, {StreamListings.Updates}
                """, id, streamKind, (object?)fund?.Value ?? DBNull.Value, version, Now);
            StreamListings.AddParameters(stream.Parameters, entity?.Listing ?? Listing.None);
        }

        foreach (var e in _events)
        {
            var cmd = Add(batch, "insert into events (stream_id, version, type, data, actor, recorded_at, command_id, reason) values ($1, $2, $3, $4, $5, $6, $7, $8)",
                e.Stream, e.Version, e.Type, e.Json, Actor.Value, Now, CommandId.Value, (object?)e.Reason ?? DBNull.Value);
            cmd.Parameters[3].NpgsqlDbType = NpgsqlDbType.Jsonb;
        }

        foreach (var fund in _newLedgers)
        {
            Add(batch, "insert into ledger_heads (fund_code) values ($1)", fund.Value);
        }

        foreach (var posting in _postings)
        {
            AddJournalEntry(batch, posting);
        }

        foreach (var (reference, pledge) in _receiptReferences)
        {
            Add(batch, "insert into receipt_references (reference, pledge_id, command_id) values ($1, $2, $3)", reference, pledge.ToString(), CommandId.Value);
        }

        var resultCmd = Add(batch, CommandLog.InsertSql,
            CommandId.Value, kind, bodyHash, JsonSerializer.Serialize(result, StoredJson.Options), Actor.Value, Now);
        resultCmd.Parameters[3].NpgsqlDbType = NpgsqlDbType.Jsonb;

        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw e.ConstraintName switch
            {
                "events_pkey" => new ConcurrencyConflictException(e.Detail ?? "entity"),
                "receipt_references_pkey" => Pledges.Pledge.DuplicateReference(_receiptReferences.Select(r => r.Reference).FirstOrDefault() ?? ""),
                "commands_pkey" => new CommandAlreadyRecordedException(),
                "ledger_heads_pkey" => RuleViolation.Of(BusinessRule.EntityAlreadyExists, "A fund with this code already exists.", "code"),
                _ => e,
            };
        }
    }

    private void AddJournalEntry(NpgsqlBatch batch, PendingPosting posting)
    {
        var draft = posting.Draft;
        var (lastSeq, lastHash) = _heads[draft.Fund];
        var unhashed = new JournalEntry(
            draft.Fund, lastSeq + 1, draft.Date, draft.Description, posting.Stream, posting.Version, posting.EventType,
            CommandId.Value, Actor.Value, Now, lastHash, [], draft.Lines);
        var hash = JournalHash.Compute(lastHash, unhashed);
        _heads[draft.Fund] = (unhashed.Sequence, hash);

        Add(batch, """
            insert into journal_entries (fund_code, seq, entry_date, description, source_stream, source_version, source_event, command_id, actor, recorded_at, prev_hash, hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """,
            draft.Fund.Value, unhashed.Sequence, draft.Date, draft.Description, posting.Stream, posting.Version, posting.EventType,
            CommandId.Value, Actor.Value, Now, lastHash, hash);
        // All lines of the entry in one statement, so the balances trigger runs once per entry.
        var lines = draft.Lines;
        var linesCmd = Add(batch, """
            insert into journal_lines (fund_code, seq, line_no, account, debit, credit, currency, original_amount, memo)
            select $1, $2, n, account, debit, credit, currency, original_amount, memo
            from unnest($3::int[], $4::numeric[], $5::numeric[], $6::text[], $7::numeric[], $8::text[]) with ordinality
                as l (account, debit, credit, currency, original_amount, memo, n)
            """,
            draft.Fund.Value,
            unhashed.Sequence,
            lines.Select(l => (int)l.Account).ToArray(),
            lines.Select(l => l.Debit).ToArray(),
            lines.Select(l => l.Credit).ToArray(),
            lines.Select(l => l.Original.Currency.Code).ToArray(),
            lines.Select(l => l.Original.Amount).ToArray(),
            lines.Select(l => l.Memo).ToArray());
        linesCmd.Parameters[7].NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text;
    }

    private async Task LockHeadAsync(FundCode fund, CancellationToken ct)
    {
        if (_heads.ContainsKey(fund))
        {
            return;
        }

        await using var cmd = Command("select last_seq, last_hash from ledger_heads where fund_code = $1 for update", fund.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {fund}.", "fund", ("fund", fund.Value));
        }

        _heads[fund] = (reader.GetInt64(0), (byte[])reader[1]);
    }

    private NpgsqlCommand Command(string sql, params object[] args)
    {
        var cmd = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var arg in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return cmd;
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params object[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        batch.BatchCommands.Add(cmd);
        return cmd;
    }

    private sealed record PendingEvent(string Stream, long Version, string Type, string Json, string? Reason, object Event);

    private sealed record PendingPosting(JournalEntryDraft Draft, string Stream, long Version, string EventType);
}
