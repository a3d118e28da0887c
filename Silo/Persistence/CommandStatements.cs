using System.Text.Json;
using FundManager.Cluster;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Persistence.Json;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>
/// The statements that write one command (its stream, events, journal entries, receipt references, command record and
/// audit record) into a batch, and what a unique key or trigger refusing one of them means. A batch sent without a
/// transaction runs as one implicit transaction: one round trip, all of it or nothing.
/// </summary>
internal static class CommandStatements
{
    /// <summary>Adds the statements of <paramref name="write"/> to <paramref name="batch"/>.</summary>
    /// <param name="batch">The batch the statements go into, in order.</param>
    /// <param name="write">What the command writes.</param>
    /// <param name="entries">The write's postings, numbered and chained by its fund's grain.</param>
    /// <param name="opensLedger">The fund whose ledger this write opens (a new fund), if any.</param>
    public static void Append(NpgsqlBatch batch, CommandWrite write, IReadOnlyList<JournalEntry> entries, FundCode? opensLedger = null)
    {
        var command = write.Command;
        if (write.Stream is { } stream)
        {
            // A stream's row is inserted with its first events and updated by every later command (in place, as no index
            // covers what a command changes). A grain holding a stale entity updates a row that has moved on, but the
            // version of its first event is taken (events_pkey), so nothing it sends is written.
            if (stream.ExpectedVersion == 0)
            {
                var insert = Add(batch, $"""
                    insert into streams (id, kind, fund_code, version, created_at, updated_at, {StreamListings.Columns})
                    values ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $13, $4)
                    """, stream.Stream, stream.Kind, (object?)stream.Fund?.Value ?? DBNull.Value, stream.Version, command.At);
                insert.Parameters[2].NpgsqlDbType = NpgsqlDbType.Text;
                StreamListings.AddParameters(insert.Parameters, stream.Listing);
            }
            else
            {
                var update = Add(batch, $"update streams set version = $2, updated_at = $3, {StreamListings.Assignments(4)}, listed_version = $2 where id = $1",
                    stream.Stream, stream.Version, command.At);
                StreamListings.AddParameters(update.Parameters, stream.Listing);
            }

            // The events trigger refuses a version that does not follow the stream's last (events_follow_stream).
            foreach (var e in stream.Events)
            {
                var insert = Add(batch, "insert into events (stream_id, version, type, data, actor, recorded_at, command_id, reason) values ($1, $2, $3, $4, $5, $6, $7, $8)",
                    stream.Stream, e.Version, e.Type, e.Json, command.Actor.Value, command.At, command.Id.Value, (object?)e.Reason ?? DBNull.Value);
                insert.Parameters[3].NpgsqlDbType = NpgsqlDbType.Jsonb;
                insert.Parameters[7].NpgsqlDbType = NpgsqlDbType.Text;
            }
        }

        if (opensLedger is { } fund)
        {
            Add(batch, "insert into ledger_heads (fund_code) values ($1)", fund.Value);
        }

        foreach (var entry in entries)
        {
            AddJournalEntry(batch, entry);
        }

        foreach (var reference in write.ReceiptReferences)
        {
            Add(batch, "insert into receipt_references (reference, pledge_id, command_id) values ($1, $2, $3)", reference, write.Stream!.Stream, command.Id.Value);
        }

        var log = Add(batch, CommandLog.InsertSql,
            command.Id.Value, command.Kind, command.BodyHash, JsonSerializer.Serialize(command.Result, StoredJson.Options), command.Actor.Value, command.At);
        log.Parameters[3].NpgsqlDbType = NpgsqlDbType.Jsonb;
        if (command.Audit is { } audit)
        {
            AuditLog.Add(batch, audit, command.Id);
        }
    }

    /// <summary>
    /// What a refusal by the database means for the write whose statement it refused: the command was logged before
    /// (a replay), a receipt reference is taken, or the state its grain decided on is stale. Anything else is a fault.
    /// </summary>
    public static WriteOutcome Classify(PostgresException e, CommandWrite write) => e.ConstraintName switch
    {
        "commands_pkey" => WriteOutcome.Of(WriteStatus.CommandExists),
        "receipt_references_pkey" => WriteOutcome.Refused(Pledges.Pledge.DuplicateReference(write.ReceiptReferences.FirstOrDefault() ?? "")),
        "streams_pkey" or "events_pkey" or "events_follow_stream" => WriteOutcome.Of(WriteStatus.StaleEntity),
        "journal_follows_head" or "ledger_heads_pkey" => WriteOutcome.Of(WriteStatus.FundStale),
        _ => WriteOutcome.Failed(e),
    };

    private static void AddJournalEntry(NpgsqlBatch batch, JournalEntry entry)
    {
        Add(batch, """
            insert into journal_entries (fund_code, seq, entry_date, description, source_stream, source_version, source_event, command_id, actor, recorded_at, prev_hash, hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """,
            entry.Fund.Value, entry.Sequence, entry.Date, entry.Description, entry.SourceStream, entry.SourceVersion, entry.SourceEvent,
            entry.CommandId, entry.Actor, entry.RecordedAt, entry.PreviousHash, entry.Hash);

        // All lines of the entry in one statement, so the balances trigger runs once per entry.
        var lines = entry.Lines;
        var insert = Add(batch, """
            insert into journal_lines (fund_code, seq, line_no, account, debit, credit, currency, original_amount, memo)
            select $1, $2, n, account, debit, credit, currency, original_amount, memo
            from unnest($3::int[], $4::numeric[], $5::numeric[], $6::text[], $7::numeric[], $8::text[]) with ordinality
                as l (account, debit, credit, currency, original_amount, memo, n)
            """,
            entry.Fund.Value,
            entry.Sequence,
            lines.Select(l => (int)l.Account).ToArray(),
            lines.Select(l => l.Debit).ToArray(),
            lines.Select(l => l.Credit).ToArray(),
            lines.Select(l => l.Original.Currency.Code).ToArray(),
            lines.Select(l => l.Original.Amount).ToArray(),
            lines.Select(l => l.Memo).ToArray());
        insert.Parameters[7].NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text;
    }

    internal static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params object[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        batch.BatchCommands.Add(cmd);
        return cmd;
    }
}
