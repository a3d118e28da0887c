using System.Text;
using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>
/// The general ledger's CSV, made from the journal's lines as they stream past (<see cref="CopiedJournal"/>): one read of
/// the ledger gives both files, which therefore hold the same lines. The lines wait in a temporary file per account, so
/// that memory does not grow with the ledger; then each account gets its "Balance brought forward" row and its lines in
/// entry-date, sequence and line order, each with the running balance. The journal comes in sequence order, which is date
/// order unless an entry was dated back, so an account's lines are sorted only when they arrived out of order. Written
/// with the table writer's own formats, the same bytes as <see cref="GeneralLedgerTable.WriteAsync"/> gives a CSV table writer.
/// </summary>
internal sealed class SpilledGeneralLedger : IDisposable
{
    private readonly Dictionary<Account, AccountLines> _accounts = [];

    /// <summary>Keeps a line, its description as the journal's CSV has it (quoted if need be).</summary>
    public void Add(Account account, SpilledLine line, ReadOnlySpan<byte> description)
    {
        if (!_accounts.TryGetValue(account, out var lines))
        {
            if (!Enum.IsDefined(account))
            {
                throw new InvalidDataException($"The journal has a line on account {(int)account}, which is not in the chart of accounts.");
            }

            lines = new AccountLines();
            _accounts.Add(account, lines);
        }

        lines.Add(line, description);
    }

    /// <summary>Writes every account of the chart in order, each from its balance brought forward.</summary>
    public async Task WriteAsync(CsvTableWriter table, DateOnly? from, TrialBalance? opening, IExportTarget target, CancellationToken ct)
    {
        var csv = table.Csv;
        var description = new byte[1 << 12];
        foreach (var account in Enum.GetValues<Account>())
        {
            GeneralLedgerTable.BroughtForwardRow(table, account, from, opening);
            if (!_accounts.TryGetValue(account, out var lines))
            {
                continue;
            }

            var balance = opening?.BalanceOf(account) ?? 0m;

            // The account's two fields, encoded once for all its lines.
            var codeField = Encoding.UTF8.GetBytes(CsvWriter.Field(AccountInfo.Code(account)));
            var nameField = Encoding.UTF8.GetBytes(CsvWriter.Field(AccountInfo.Name(account)));
            lines.Rewind();
            while (lines.Next(ref description, out var length) is { } line)
            {
                balance += line.Debit - line.Credit;
                csv.Fields(codeField);
                csv.Fields(nameField);
                csv.Date(line.Date);
                csv.Integer(line.Sequence);
                csv.Integer(line.Line);
                csv.Fields(description.AsSpan(0, length));
                csv.Fixed(line.Debit, 2);
                csv.Fixed(line.Credit, 2);
                csv.Fixed(balance, 2);
                csv.EndRecord();
                if (table.Rows % 4096 == 0)
                {
                    await target.FlushAsync(ct);
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var lines in _accounts.Values)
        {
            lines.Dispose();
        }
    }

    /// <summary>
    /// One account's lines in a temporary file, each as a fixed header (<see cref="SpilledLine"/>) followed by its
    /// description. Memory stays flat however many lines there are, except for an account whose lines came out of order:
    /// its keys are then read back and sorted.
    /// </summary>
    private sealed class AccountLines : IDisposable
    {
        private readonly byte[] _header = new byte[SpilledLine.Size];
        private readonly FileStream _spill = new(
            Path.Combine(Path.GetTempPath(), $"fundmanager-general-ledger-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

        private SpilledLine? _last;
        private bool _inOrder = true;
        private long _count;
        private long _read;
        private List<(SpilledLine Line, long Offset)>? _sorted;

        public void Add(SpilledLine line, ReadOnlySpan<byte> description)
        {
            if (_last is { } last && last.CompareTo(line) > 0)
            {
                _inOrder = false;
            }

            _last = line;
            line.Write(_header, description.Length);
            _spill.Write(_header);
            _spill.Write(description);
            _count++;
        }

        /// <summary>Gets ready to read the lines from the first, in key order.</summary>
        public void Rewind()
        {
            _spill.Flush();
            _spill.Position = 0;
            _read = 0;
            if (_inOrder)
            {
                return;
            }

            _sorted = [];
            for (var i = 0; i < _count; i++)
            {
                var offset = _spill.Position;
                _spill.ReadExactly(_header);
                var line = SpilledLine.Read(_header, out var length);
                _sorted.Add((line, offset));
                _spill.Seek(length, SeekOrigin.Current);
            }

            _sorted.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        /// <summary>The next line, its description put into <paramref name="description"/> (grown if need be); null after the last.</summary>
        public SpilledLine? Next(ref byte[] description, out int length)
        {
            length = 0;
            if (_read == _count)
            {
                return null;
            }

            if (_sorted is not null)
            {
                _spill.Position = _sorted[(int)_read].Offset;
            }

            _read++;
            _spill.ReadExactly(_header);
            var line = SpilledLine.Read(_header, out length);
            if (description.Length < length)
            {
                description = new byte[length];
            }

            _spill.ReadExactly(description, 0, length);
            return line;
        }

        public void Dispose() => _spill.Dispose();
    }
}
