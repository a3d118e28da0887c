using System.Buffers.Text;
using System.Text;
using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>
/// The journal's CSV as PostgreSQL's COPY made it (<see cref="LedgerQueries.CopyJournalCsvAsync"/>), passed on record by
/// record with RFC 4180's CRLF, while noting what the manifest needs (entries, lines, the chain's two ends) and handing
/// each line to a <see cref="SpilledGeneralLedger"/>. The same bytes as
/// <see cref="JournalTable.WriteAsync"/> gives a CSV table writer (a test holds the two together).
/// </summary>
internal sealed class CopiedJournal(CsvWriter csv, SpilledGeneralLedger generalLedger)
{
    private readonly byte[] _lastHash = new byte[64];
    private Columns? _columns;
    private long _sequence = -1;
    private int _lastHashLength;

    public long Entries { get; private set; }

    public long Lines { get; private set; }

    public FirstExportedEntry? First { get; private set; }

    public ChainPoint? Last => Entries == 0 ? null : new ChainPoint(_sequence, Encoding.ASCII.GetString(_lastHash, 0, _lastHashLength));

    public JournalSummary Summary => new(Entries, Lines, First, Last);

    public void Record(ReadOnlySpan<byte> record)
    {
        csv.Fields(record);
        csv.EndRecord();
        Span<Range> fields = stackalloc Range[32];
        var count = CopiedRecords.Fields(record, fields);
        if (_columns is null)
        {
            _columns = Columns.From(record, fields[..count]);
            return;
        }

        var c = _columns;
        Lines++;
        var sequence = Integer(record[fields[c.Sequence]]);
        if (sequence != _sequence)
        {
            Entries++;
            First ??= new FirstExportedEntry(sequence, Encoding.ASCII.GetString(record[fields[c.PreviousHash]]));
            var hash = record[fields[c.Hash]];
            hash.CopyTo(_lastHash);
            _lastHashLength = hash.Length;
            _sequence = sequence;
        }

        var line = new SpilledLine(
            Date(record[fields[c.Date]]), sequence, (int)Integer(record[fields[c.Line]]), Amount(record[fields[c.Debit]]), Amount(record[fields[c.Credit]]));
        generalLedger.Add((Account)Integer(record[fields[c.Account]]), line, record[fields[c.Description]]);
    }

    private static long Integer(ReadOnlySpan<byte> field) =>
        Utf8Parser.TryParse(field, out long value, out var used) && used == field.Length ? value : throw Malformed("a whole number", field);

    private static decimal Amount(ReadOnlySpan<byte> field) =>
        Utf8Parser.TryParse(field, out decimal value, out var used) && used == field.Length ? value : throw Malformed("an amount", field);

    // COPY writes dates as the query formats them: YYYY-MM-DD.
    private static DateOnly Date(ReadOnlySpan<byte> field) =>
        field.Length == 10 && Utf8Parser.TryParse(field[..4], out int year, out _) && Utf8Parser.TryParse(field[5..7], out int month, out _)
            && Utf8Parser.TryParse(field[8..], out int day, out _)
            ? new DateOnly(year, month, day)
            : throw Malformed("a date", field);

    private static InvalidDataException Malformed(string expected, ReadOnlySpan<byte> field) =>
        new($"The database's journal CSV has \"{Encoding.UTF8.GetString(field)}\" where {expected} belongs.");

    /// <summary>Where the fields this reads are, found by name in COPY's header.</summary>
    private sealed record Columns(int Sequence, int Date, int Description, int PreviousHash, int Hash, int Line, int Account, int Debit, int Credit)
    {
        public static Columns From(ReadOnlySpan<byte> header, ReadOnlySpan<Range> fields)
        {
            var names = new List<string>();
            foreach (var field in fields)
            {
                names.Add(Encoding.UTF8.GetString(header[field]));
            }

            int At(string name) => names.IndexOf(name) is var at and >= 0 ? at : throw new InvalidDataException($"The database's journal CSV has no column \"{name}\".");
            return new Columns(At("sequence"), At("entry_date"), At("description"), At("previous_hash"), At("hash"), At("line"), At("account"), At("debit"), At("credit"));
        }
    }
}
