namespace FundManager.Api.Imports;

/// <summary>One row of an uploaded table: where it is (the CSV record's or the worksheet row's number) and its cells as text.</summary>
public sealed record TableRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at <paramref name="index"/>, trimmed; empty when the row is shorter.</summary>
    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : "";

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}
