namespace FundManager.Reporting.Exports;

/// <summary>
/// The tables of one export as its format lays them out: a CSV file each (<see cref="CsvExportTables"/>) or sheets of one
/// workbook (<see cref="XlsxExportTables"/>). The tables are written one after the other, each begun, filled and ended.
/// </summary>
internal interface IExportTables : IDisposable
{
    /// <summary>Starts a table. The titles head each of its sheets in a workbook; CSV has no place for them.</summary>
    ITableWriter Begin(string table, string sheet, IReadOnlyList<string> titles, IReadOnlyList<TableColumn> columns);

    /// <summary>Ends the table begun last and lets its bytes go to the target.</summary>
    Task EndAsync(CancellationToken ct);

    /// <summary>Ends the export's files and says what the manifest lists: their names, hashes, sizes and rows.</summary>
    Task<IReadOnlyList<ExportedFile>> FinishAsync(CancellationToken ct);
}
