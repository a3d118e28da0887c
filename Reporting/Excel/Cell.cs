namespace FundManager.Reporting.Excel;

/// <summary>
/// One cell to write: a value (text, number, date or nothing) in a style, or a formula with the value it computes, so
/// that a viewer that does not recalculate still shows the figure.
/// </summary>
public readonly record struct Cell(object? Value, CellStyle Style = CellStyle.Text, string? Formula = null)
{
    public static Cell Empty => default;

    public static implicit operator Cell(string? text) => new(text);

    public static Cell Usd(decimal amount) => new(amount, CellStyle.Usd);

    public static Cell Date(DateOnly? date) => new(date, CellStyle.Date);

    public static Cell Percent(decimal? share) => new(share, CellStyle.Percent);

    public static Cell Integer(long value) => new(value, CellStyle.Integer);
}
