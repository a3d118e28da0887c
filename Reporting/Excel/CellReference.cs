namespace FundManager.Reporting.Excel;

/// <summary>A1-style references: column 1 is <c>A</c>, 27 is <c>AA</c>.</summary>
public static class CellReference
{
    public static string Column(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public static string Of(int column, long row) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An absolute range on a named sheet, as charts and defined names want it: <c>'Summary'!$B$5:$B$9</c>.</summary>
    public static string Range(string sheet, int column, long firstRow, int lastColumn, long lastRow) =>
        $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!${Column(column)}${firstRow}:${Column(lastColumn)}${lastRow}";
}
