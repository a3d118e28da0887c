using System.Globalization;
using FundManager.Common;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>
/// Re-checks an exported journal from its rows alone, as <c>ledger verify</c> checks the live one: each entry's rows
/// together and agreeing on the entry's fields, lines numbered 1 to n, debits equal to credits, the previous hash equal to
/// the hash of the entry before (the first to the manifest's), the hash recomputed from the fields equal to the one
/// written, sequences without gaps other than the entries the manifest says are dated outside the export
/// (<see cref="ExportManifest.SkippedEntries"/>), and the last entry the manifest's. Throws <see cref="BrokenExportException"/> at the
/// first problem. Holds one entry's rows at a time.
/// </summary>
internal sealed class JournalChainCheck(ExportManifest manifest, string file)
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
    private readonly List<string[]> _rows = [];
    private long? _lastSequence;
    private long _skipped;
    private byte[]? _lastHash;

    public long Entries { get; private set; }

    public long Lines { get; private set; }

    /// <summary>Takes the next data row of the journal.</summary>
    public void Add(string[] row)
    {
        if (_rows.Count > 0 && row[JournalTable.Sequence] != _rows[0][JournalTable.Sequence])
        {
            Close();
        }

        _rows.Add(row);
    }

    /// <summary>Ends the journal: closes its last entry and holds the whole to the manifest.</summary>
    public void Finish()
    {
        if (_rows.Count > 0)
        {
            Close();
        }

        var at = _lastSequence ?? manifest.FirstEntry?.Sequence;
        if (manifest.LastEntry is { } last)
        {
            if (_lastSequence != last.Sequence || _lastHash is null || Convert.ToHexStringLower(_lastHash) != last.Hash)
            {
                throw new BrokenExportException(file, at ?? last.Sequence,
                    $"the manifest says the journal ends with entry {last.Sequence} (hash {last.Hash}), but the file ends {(_lastSequence is { } n ? $"with entry {n}" : "with no entry")} (entries removed or added?)");
            }
        }
        else if (_lastSequence is { } extra)
        {
            throw new BrokenExportException(file, extra, "the manifest says the export holds no entry");
        }

        if (_skipped != manifest.SkippedEntries)
        {
            throw new BrokenExportException(file, at, $"{_skipped} entries of the stretch are not in the file, the manifest says {manifest.SkippedEntries} are dated outside the export");
        }

        if (Entries != manifest.Entries || Lines != manifest.Lines)
        {
            throw new BrokenExportException(file, at, $"the file holds {Entries} entries and {Lines} lines, the manifest says {manifest.Entries} and {manifest.Lines}");
        }
    }

    private void Close()
    {
        var first = _rows[0];
        var expected = _lastSequence is { } previous ? previous + 1 : manifest.FirstEntry?.Sequence;
        if (!long.TryParse(first[JournalTable.Sequence], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw Broken(expected, $"the sequence '{first[JournalTable.Sequence]}' is not a whole number");
        }

        if (expected is null)
        {
            throw Broken(sequence, "the manifest says the export holds no entry");
        }

        if (sequence < expected)
        {
            throw Broken(sequence, $"expected entry {expected} here (entries out of order, repeated, or an entry's lines not together)");
        }

        // A jump is an entry dated outside the export's dates, which the manifest counts; any other is an entry missing.
        var jumped = sequence - expected.Value;
        if (jumped > 0)
        {
            _skipped += jumped;
            if (_skipped > manifest.SkippedEntries)
            {
                throw Broken(sequence, manifest.SkippedEntries == 0
                    ? $"expected entry {expected} here (the sequence has a gap)"
                    : $"expected entry {expected} here: the gap before it is more than the {manifest.SkippedEntries} entries the manifest says are dated outside the export");
            }
        }

        for (var i = 1; i < _rows.Count; i++)
        {
            for (var column = 0; column <= JournalTable.Hash; column++)
            {
                if (_rows[i][column] != first[column])
                {
                    throw Broken(sequence, $"line {i + 1} disagrees with line 1 on {JournalTable.Columns[column].Header}");
                }
            }
        }

        var entry = Entry(sequence);
        if (entry.Lines.Count < 2 || entry.TotalDebit != entry.TotalCredit)
        {
            throw Broken(sequence, $"debits {entry.TotalDebit.ToString("F2", CultureInfo.InvariantCulture)} do not equal credits {entry.TotalCredit.ToString("F2", CultureInfo.InvariantCulture)}");
        }

        // Across a jump the entry before is not in the file, and the link can be checked only against the ledger itself.
        if (jumped == 0)
        {
            var chainedTo = _lastHash ?? Hex(manifest.FirstEntry!.PreviousHash, sequence, "the manifest's previous hash");
            if (!entry.PreviousHash.AsSpan().SequenceEqual(chainedTo))
            {
                throw Broken(sequence, _lastHash is null
                    ? "its previous hash is not the one the manifest gives for the first entry"
                    : "its previous hash is not the hash of the entry before it");
            }
        }

        if (!JournalHash.Compute(entry.PreviousHash, entry).AsSpan().SequenceEqual(entry.Hash))
        {
            throw Broken(sequence, "its content does not match its hash (changed after it was exported)");
        }

        _lastSequence = sequence;
        _lastHash = entry.Hash;
        Entries++;
        Lines += _rows.Count;
        _rows.Clear();
    }

    /// <summary>The entry as the ledger held it, rebuilt from its rows in the formats the hash chain uses.</summary>
    private JournalEntry Entry(long sequence)
    {
        var first = _rows[0];
        var fund = Parse(sequence, JournalTable.Fund, s => FundCode.Parse(s));
        if (fund.Value != manifest.Fund)
        {
            throw Broken(sequence, $"it belongs to fund {fund}, the manifest to {manifest.Fund}");
        }

        var lines = new List<JournalLine>(_rows.Count);
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            if (row[JournalTable.Line] != (i + 1).ToString(CultureInfo.InvariantCulture))
            {
                throw Broken(sequence, $"its lines are not numbered 1 to {_rows.Count} in order (found {row[JournalTable.Line]} as line {i + 1})");
            }

            if (!AccountInfo.TryParse(row[JournalTable.Account], out var account))
            {
                throw Broken(sequence, $"line {i + 1}: '{row[JournalTable.Account]}' is not an account of the chart");
            }

            if (row[JournalTable.AccountName] != AccountInfo.Name(account))
            {
                throw Broken(sequence, $"line {i + 1}: account {AccountInfo.Code(account)} is {AccountInfo.Name(account)}, not '{row[JournalTable.AccountName]}'");
            }

            var currency = CurrencyCode.TryParse(row[JournalTable.OriginalCurrency], out var parsed) ? parsed
                : throw Broken(sequence, $"line {i + 1}: '{row[JournalTable.OriginalCurrency]}' is not a currency");
            try
            {
                lines.Add(new JournalLine(
                    account,
                    Amount(row, JournalTable.Debit, sequence, i),
                    Amount(row, JournalTable.Credit, sequence, i),
                    new Money(Amount(row, JournalTable.OriginalAmount, sequence, i), currency),
                    row[JournalTable.Memo].Length == 0 ? null : row[JournalTable.Memo]));
            }
            catch (ArgumentException e)
            {
                throw Broken(sequence, $"line {i + 1}: {e.Message}");
            }
        }

        return new JournalEntry(
            fund,
            sequence,
            Parse(sequence, JournalTable.EntryDate, DateOf),
            first[JournalTable.Description],
            first[JournalTable.SourceStream],
            Parse(sequence, JournalTable.SourceVersion, s => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            first[JournalTable.SourceEvent],
            Parse(sequence, JournalTable.CommandId, s => Guid.ParseExact(s, "D")),
            first[JournalTable.Actor],
            Parse(sequence, JournalTable.RecordedAt, s => DateTimeOffset.ParseExact(s, JournalTable.RecordedAtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)),
            Hex(first[JournalTable.PreviousHash], sequence, "its previous hash"),
            Hex(first[JournalTable.Hash], sequence, "its hash"),
            lines);
    }

    private T Parse<T>(long sequence, int column, Func<string, T> parse)
    {
        var text = _rows[0][column];
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or RuleViolation)
        {
            throw Broken(sequence, $"its {JournalTable.Columns[column].Header} '{text}' cannot be read");
        }
    }

    // CSV writes amounts as the chain hashes them; a workbook holds them as numbers. Either reads back to the same decimal.
    private decimal Amount(string[] row, int column, long sequence, int line) =>
        decimal.TryParse(row[column], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw Broken(sequence, $"line {line + 1}: its {JournalTable.Columns[column].Header} '{row[column]}' is not a number");

    // yyyy-MM-dd in CSV; Excel's day count in a workbook.
    private static DateOnly DateOf(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : ExcelEpoch.AddDays(int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));

    private byte[] Hex(string text, long sequence, string what) =>
        text.Length == 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? Convert.FromHexString(text)
            : throw Broken(sequence, $"{what} '{text}' is not 64 lowercase hexadecimal digits");

    private BrokenExportException Broken(long? sequence, string problem) => new(file, sequence, problem);
}
