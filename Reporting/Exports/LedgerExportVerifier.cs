using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace FundManager.Reporting.Exports;

/// <summary>
/// Checks an export offline, with nothing but its directory: the journal's hash chain recomputed from the exported fields
/// (<see cref="JournalChainCheck"/>), then every file's SHA-256, size and data rows against <c>manifest.json</c>. Files are
/// read as streams, one row at a time.
/// </summary>
public static class LedgerExportVerifier
{
    public static ExportVerification Verify(string directory, CancellationToken ct = default)
    {
        var manifestPath = Path.Combine(directory, ExportManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return ExportVerification.Broken(ExportManifest.FileName, null, "missing (is this the directory of an export?)");
        }

        ExportManifest manifest;
        try
        {
            using var input = File.OpenRead(manifestPath);
            manifest = ExportManifest.Read(input);
        }
        catch (JsonException e)
        {
            return ExportVerification.Broken(ExportManifest.FileName, null, $"not a manifest: {e.Message}");
        }

        try
        {
            if (manifest.Schema != ExportManifest.CurrentSchema)
            {
                throw new BrokenExportException(ExportManifest.FileName, null, $"its schema is '{manifest.Schema}'; this program reads {ExportManifest.CurrentSchema}");
            }

            // Every file of the format is listed, so none escapes its SHA-256 check.
            string[] expected = manifest.Format switch
            {
                "csv" => [LedgerExport.JournalCsv, LedgerExport.GeneralLedgerCsv, LedgerExport.TrialBalanceCsv],
                "xlsx" => [LedgerExport.Workbook],
                _ => throw new BrokenExportException(ExportManifest.FileName, null, $"its format '{manifest.Format}' is neither csv nor xlsx"),
            };
            if (!manifest.Files.Select(f => f.Name).SequenceEqual(expected))
            {
                throw new BrokenExportException(ExportManifest.FileName, null, $"it lists {string.Join(", ", manifest.Files.Select(f => f.Name))}; a {manifest.Format} export has {string.Join(", ", expected)}");
            }

            var entries = CheckJournal(directory, manifest, ct);
            foreach (var file in manifest.Files)
            {
                ct.ThrowIfCancellationRequested();
                CheckFile(directory, manifest, file);
            }

            CheckHead(manifest);
            return ExportVerification.Ok(entries);
        }
        catch (BrokenExportException e)
        {
            return ExportVerification.Broken(e.File, e.Entry, e.Message);
        }
    }

    private static long CheckJournal(string directory, ExportManifest manifest, CancellationToken ct)
    {
        var name = manifest.Format == "xlsx" ? LedgerExport.Workbook : LedgerExport.JournalCsv;
        var path = Existing(directory, name);
        var chain = new JournalChainCheck(manifest, name);
        foreach (var row in Rows(path, manifest.Format, JournalTable.Columns, LedgerExport.JournalSheet, name))
        {
            chain.Add(row);
            if (chain.Entries % 1024 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        chain.Finish();
        return chain.Entries;
    }

    private static void CheckFile(string directory, ExportManifest manifest, ExportedFile file)
    {
        var path = Existing(directory, file.Name);
        var (sha, bytes) = Read(() =>
        {
            using var input = File.OpenRead(path);
            return (Convert.ToHexStringLower(SHA256.HashData(input)), input.Length);
        }, file.Name);

        if (sha != file.Sha256)
        {
            throw new BrokenExportException(file.Name, null, $"its SHA-256 is {sha}, the manifest says {file.Sha256}");
        }

        if (bytes != file.Bytes)
        {
            throw new BrokenExportException(file.Name, null, $"it holds {bytes} bytes, the manifest says {file.Bytes}");
        }

        if (manifest.Format == "xlsx")
        {
            CheckSheets(path, file, manifest);
            return;
        }

        var columns = ColumnsOf(file.Table ?? "", file.Name);
        long rows = 0;
        string[]? last = null;
        foreach (var row in Rows(path, "csv", columns, "", file.Name))
        {
            rows++;
            last = row;
        }

        if (rows != file.Rows)
        {
            throw new BrokenExportException(file.Name, null, $"it holds {rows} data rows, the manifest says {file.Rows}");
        }

        if (file.Table == TrialBalanceTable.Name)
        {
            CheckTotals(last, manifest, file.Name);
        }
    }

    /// <summary>The trial balance ends with its total row, debits equal to credits and to the manifest's totals.</summary>
    private static void CheckTotals(string[]? total, ExportManifest manifest, string file)
    {
        var expected = manifest.TrialBalance;
        if (total is null || total[0] != TrialBalanceTable.TotalLabel
            || !decimal.TryParse(total[2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var debit)
            || !decimal.TryParse(total[3], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var credit))
        {
            throw new BrokenExportException(file, null, "the trial balance does not end with its total row");
        }

        if (debit != credit || debit != expected.Debit || credit != expected.Credit)
        {
            throw new BrokenExportException(file, null, $"the trial balance totals {debit.ToString("F2", CultureInfo.InvariantCulture)} debit and {credit.ToString("F2", CultureInfo.InvariantCulture)} credit; the manifest says {expected.Debit.ToString("F2", CultureInfo.InvariantCulture)} and {expected.Credit.ToString("F2", CultureInfo.InvariantCulture)}");
        }
    }

    private static void CheckSheets(string path, ExportedFile file, ExportManifest manifest)
    {
        using var book = Read(() => new XlsxTableReader(path), file.Name);
        var listed = file.Sheets ?? [];
        if (!book.SheetNames.SequenceEqual(listed.Select(s => s.Name)))
        {
            throw new BrokenExportException(file.Name, null, $"its sheets are {string.Join(", ", book.SheetNames)}; the manifest lists {string.Join(", ", listed.Select(s => s.Name))}");
        }

        foreach (var sheet in listed)
        {
            long rows = 0;
            string[]? last = null;
            foreach (var row in Guarded(book.Rows(sheet.Name, ColumnsOf(sheet.Table, file.Name).Select(c => c.Header).ToList()), file.Name))
            {
                rows++;
                last = row;
            }

            if (rows != sheet.Rows)
            {
                throw new BrokenExportException(file.Name, null, $"sheet {sheet.Name} holds {rows} data rows, the manifest says {sheet.Rows}");
            }

            if (sheet.Table == TrialBalanceTable.Name)
            {
                CheckTotals(last, manifest, file.Name);
            }
        }

        if (listed.Sum(s => s.Rows) != file.Rows)
        {
            throw new BrokenExportException(file.Name, null, $"its sheets' rows add up to {listed.Sum(s => s.Rows)}, the manifest says {file.Rows}");
        }
    }

    // The stretch exported can only end at or before the head the ledger had when the export was taken.
    private static void CheckHead(ExportManifest manifest)
    {
        if (manifest.LastEntry is { } last && (last.Sequence > manifest.ChainHead.Sequence || (last.Sequence == manifest.ChainHead.Sequence && last.Hash != manifest.ChainHead.Hash)))
        {
            throw new BrokenExportException(ExportManifest.FileName, last.Sequence, $"the last entry exported does not agree with the chain head it names ({manifest.ChainHead.Sequence} {manifest.ChainHead.Hash})");
        }
    }

    /// <summary>A table's data rows, from CSV (header checked) or from its sheets in a workbook (the first and its continuations).</summary>
    private static IEnumerable<string[]> Rows(string path, string format, IReadOnlyList<TableColumn> columns, string sheet, string file)
    {
        var header = columns.Select(c => c.Header).ToList();
        if (format == "xlsx")
        {
            using var book = Read(() => new XlsxTableReader(path), file);
            var sheets = book.SheetNames.Where(n => n == sheet || (n.StartsWith(sheet + " (", StringComparison.Ordinal) && n.EndsWith(')'))).ToList();
            if (sheets.Count == 0)
            {
                throw new BrokenExportException(file, null, $"it has no sheet {sheet}");
            }

            foreach (var name in sheets)
            {
                foreach (var row in Guarded(book.Rows(name, header), file))
                {
                    yield return row;
                }
            }

            yield break;
        }

        using var input = File.OpenRead(path);
        using var csv = new CsvRecords(input);
        var first = Read(csv.Read, file) ?? throw new BrokenExportException(file, null, "it is empty (not even a header)");
        if (!first.SequenceEqual(header))
        {
            throw new BrokenExportException(file, null, $"its header is not {string.Join(",", header)}");
        }

        while (Read(csv.Read, file) is { } record)
        {
            if (record.Length != header.Count)
            {
                throw new BrokenExportException(file, null, $"record {csv.Record} has {record.Length} fields, not {header.Count}");
            }

            yield return record;
        }
    }

    private static IEnumerable<string[]> Guarded(IEnumerable<string[]> rows, string file)
    {
        using var e = rows.GetEnumerator();
        while (Read(e.MoveNext, file))
        {
            yield return e.Current;
        }
    }

    // A file that cannot be parsed is broken, not a crash of the checker.
    private static T Read<T>(Func<T> read, string file)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.DecoderFallbackException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            throw new BrokenExportException(file, null, $"it cannot be read: {e.Message}");
        }
    }

    private static IReadOnlyList<TableColumn> ColumnsOf(string table, string file) => table switch
    {
        JournalTable.Name => JournalTable.Columns,
        GeneralLedgerTable.Name => GeneralLedgerTable.Columns,
        TrialBalanceTable.Name => TrialBalanceTable.Columns,
        _ => throw new BrokenExportException(file, null, $"the manifest gives it the table '{table}', which an export does not have"),
    };

    private static string Existing(string directory, string name)
    {
        // The manifest names files inside the export's directory, never elsewhere.
        if (name.Length == 0 || Path.GetFileName(name) != name)
        {
            throw new BrokenExportException(ExportManifest.FileName, null, $"it names a file '{name}' outside the export");
        }

        var path = Path.Combine(directory, name);
        return File.Exists(path) ? path : throw new BrokenExportException(name, null, "missing");
    }
}
