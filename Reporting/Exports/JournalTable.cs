using System.Globalization;
using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>
/// The journal: one row per line, each repeating its entry's fields, so that every field the hash chain covers
/// (<see cref="JournalHash.Canonical"/>) is in the file in the chain's own format, and an entry's hash can be recomputed
/// from its rows alone. An empty memo means the line has none (the ledger never stores an empty memo).
/// </summary>
public static class JournalTable
{
    public const string Name = "journal";

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("fund", 10, ColumnKind.Text),
        new("sequence", 10, ColumnKind.Integer),
        new("entry_date", 12, ColumnKind.Date),
        new("description", 50, ColumnKind.Text),
        new("source_stream", 40, ColumnKind.Text),
        new("source_version", 10, ColumnKind.Integer),
        new("source_event", 24, ColumnKind.Text),
        new("command_id", 38, ColumnKind.Text),
        new("actor", 24, ColumnKind.Text),
        new("recorded_at", 28, ColumnKind.Text),
        new("previous_hash", 66, ColumnKind.Text),
        new("hash", 66, ColumnKind.Text),
        new("line", 6, ColumnKind.Integer),
        new("account", 9, ColumnKind.Text),
        new("account_name", 34, ColumnKind.Text),
        new("debit", 16, ColumnKind.Usd),
        new("credit", 16, ColumnKind.Usd),
        new("original_currency", 9, ColumnKind.Text),
        new("original_amount", 18, ColumnKind.Amount),
        new("memo", 20, ColumnKind.Text),
    ];

    /// <summary>Column positions, for readers of the file.</summary>
    internal const int Fund = 0, Sequence = 1, EntryDate = 2, Description = 3, SourceStream = 4, SourceVersion = 5, SourceEvent = 6,
        CommandId = 7, Actor = 8, RecordedAt = 9, PreviousHash = 10, Hash = 11, Line = 12, Account = 13, AccountName = 14,
        Debit = 15, Credit = 16, OriginalCurrency = 17, OriginalAmount = 18, Memo = 19;

    /// <summary>The recorded time exactly as stored and hashed: UTC, to the microsecond.</summary>
    public const string RecordedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string RecordedAtText(DateTimeOffset recordedAt) =>
        JournalHash.ToStoredPrecision(recordedAt).UtcDateTime.ToString(RecordedAtFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes the entries dated within the request's range and numbered up to the chain head read at the start, hands each
    /// line on to the general ledger, and says how many there were and where the stretch of the chain begins and ends.
    /// </summary>
    internal static async Task<JournalSummary> WriteAsync(
        FundSystem system, LedgerExportRequest request, LedgerHead head, ITableWriter table, SpilledGeneralLedger generalLedger, IExportTarget target,
        CancellationToken ct)
    {
        long entries = 0, lines = 0;
        FirstExportedEntry? first = null;
        ChainPoint? last = null;
        await foreach (var entry in system.Ledger.EntriesAsync(request.Fund, request.From, request.To, ct: ct))
        {
            // Entries posted after the head was read belong to a later export.
            if (entry.Sequence > head.Sequence)
            {
                break;
            }

            var previous = Convert.ToHexStringLower(entry.PreviousHash);
            var hash = Convert.ToHexStringLower(entry.Hash);
            var recorded = RecordedAtText(entry.RecordedAt);
            var command = entry.CommandId.ToString("D");
            for (var i = 0; i < entry.Lines.Count; i++)
            {
                var line = entry.Lines[i];
                table.Row(
                    entry.Fund.Value, entry.Sequence, entry.Date, entry.Description, entry.SourceStream, entry.SourceVersion, entry.SourceEvent,
                    command, entry.Actor, recorded, previous, hash,
                    (long)(i + 1), AccountInfo.Code(line.Account), AccountInfo.Name(line.Account), line.Debit, line.Credit,
                    line.Original.Currency.Code, line.Original, line.Memo);
                generalLedger.Add(line.Account, new SpilledLine(entry.Date, entry.Sequence, i + 1, line.Debit, line.Credit), entry.Description);
            }

            first ??= new FirstExportedEntry(entry.Sequence, previous);
            last = new ChainPoint(entry.Sequence, hash);
            entries++;
            lines += entry.Lines.Count;
            if (entries % 64 == 0)
            {
                await target.FlushAsync(ct);
            }
        }

        return new JournalSummary(entries, lines, first, last);
    }
}
