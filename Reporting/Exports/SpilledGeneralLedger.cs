using System.Text;
using FundManager.Funds;
using FundManager.Ledger;

namespace FundManager.Reporting.Exports;

/// <summary>
/// The general ledger and the trial balance, made from the journal's lines as they stream past
/// (<see cref="JournalTable.WriteAsync"/>): one read of the ledger gives all three tables of an export, in either format,
/// which therefore hold the same lines. The lines wait in a temporary file per account, so that memory does not grow with
/// the ledger; then each account gets its "Balance brought forward" row and its lines in entry-date, sequence and line
/// order, each with the running balance. The journal comes in sequence order, which is date order unless an entry was
/// dated back, so an account's lines are sorted only when they arrived out of order.
/// </summary>
internal sealed class SpilledGeneralLedger : IDisposable
{
    private readonly Dictionary<Account, AccountLines> _accounts = [];

    /// <summary>Keeps a line of the journal with its entry's description.</summary>
    public void Add(Account account, SpilledLine line, string description)
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
    public async Task WriteAsync(ITableWriter table, DateOnly? from, TrialBalance? opening, IExportTarget target, CancellationToken ct)
    {
        foreach (var account in Enum.GetValues<Account>())
        {
            GeneralLedgerTable.BroughtForwardRow(table, account, from, opening);
            if (!_accounts.TryGetValue(account, out var lines))
            {
                continue;
            }

            var balance = opening?.BalanceOf(account) ?? 0m;
            var code = AccountInfo.Code(account);
            var name = AccountInfo.Name(account);
            lines.Rewind();
            while (lines.Next(out var description) is { } line)
            {
                balance += line.Debit - line.Credit;
                table.Row(code, name, line.Date, line.Sequence, (long)line.Line, description, line.Debit, line.Credit, balance);
                if (table.Rows % 4096 == 0)
                {
                    await target.FlushAsync(ct);
                }
            }
        }
    }

    /// <summary>
    /// The trial balance at the export's last date: what was brought forward, plus every line kept. Entries dated after
    /// that date are not in the export, so nothing else counts.
    /// </summary>
    public TrialBalance TrialBalance(FundCode fund, DateOnly? asOf, TrialBalance? opening) =>
        new(fund, asOf, Enum.GetValues<Account>()
            .Select(account =>
            {
                var brought = opening?.Rows.FirstOrDefault(r => r.Account == account);
                var (debit, credit) = _accounts.TryGetValue(account, out var lines) ? (lines.Debit, lines.Credit) : (0m, 0m);
                return new TrialBalanceRow(account, (brought?.Debit ?? 0m) + debit, (brought?.Credit ?? 0m) + credit);
            })
            .ToList());

    public void Dispose()
    {
        foreach (var lines in _accounts.Values)
        {
            lines.Dispose();
        }
    }

    /// <summary>
    /// One account's lines in a temporary file, each as a fixed header (<see cref="SpilledLine"/>) followed by its
    /// description in UTF-8, and their totals. Memory stays flat however many lines there are, except for an account whose
    /// lines came out of order: its keys are then read back and sorted.
    /// </summary>
    private sealed class AccountLines : IDisposable
    {
        private readonly byte[] _header = new byte[SpilledLine.Size];
        private readonly FileStream _spill = new(
            Path.Combine(Path.GetTempPath(), $"fundmanager-general-ledger-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

        private byte[] _description = new byte[1 << 10];
        private SpilledLine? _last;
        private bool _inOrder = true;
        private long _count;
        private long _read;
        private List<(SpilledLine Line, long Offset)>? _sorted;

        public decimal Debit { get; private set; }

        public decimal Credit { get; private set; }

        public void Add(SpilledLine line, string description)
        {
            if (_last is { } last && last.CompareTo(line) > 0)
            {
                _inOrder = false;
            }

            _last = line;
            var length = Encoding.UTF8.GetMaxByteCount(description.Length);
            if (_description.Length < length)
            {
                _description = new byte[length];
            }

            length = Encoding.UTF8.GetBytes(description, _description);
            line.Write(_header, length);
            _spill.Write(_header);
            _spill.Write(_description, 0, length);
            Debit += line.Debit;
            Credit += line.Credit;
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

        /// <summary>The next line and its description; null after the last.</summary>
        public SpilledLine? Next(out string description)
        {
            description = "";
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
            var line = SpilledLine.Read(_header, out var length);
            if (_description.Length < length)
            {
                _description = new byte[length];
            }

            _spill.ReadExactly(_description, 0, length);
            description = Encoding.UTF8.GetString(_description, 0, length);
            return line;
        }

        public void Dispose() => _spill.Dispose();
    }
}
