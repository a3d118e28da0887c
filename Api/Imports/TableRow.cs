using FundManager.Common;

namespace FundManager.Api.Imports;

/// <summary>One row of an uploaded table: where it is (the CSV record's or the worksheet row's number) and its cells as text.</summary>
public sealed record TableRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at <paramref name="index"/>, trimmed; empty when the row is shorter.</summary>
    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : "";

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>A refusal of what this row holds, said of its line (the caller sent the file, named <paramref name="field"/>).</summary>
    public RuleViolation Refusal(string what, string field, BusinessRule rule = BusinessRule.InvalidInput) =>
        RuleViolation.Of(rule, $"Line {Line}: {what}", field, ("line", Line));

    /// <summary>The row read as a header: each cell's letters only, in lower case (<c>Currency Code</c> → <c>currencycode</c>).</summary>
    public List<string> ColumnNames() => Cells.Select(c => new string(c.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray())).ToList();
}
