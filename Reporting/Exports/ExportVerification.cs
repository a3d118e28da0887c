namespace FundManager.Reporting.Exports;

/// <summary>
/// The outcome of checking an export offline: intact, or the first thing broken — the file, the journal entry when one
/// is to blame, and why.
/// </summary>
public sealed record ExportVerification(bool Intact, string? File, long? Entry, string? Problem, long EntriesChecked)
{
    public static ExportVerification Ok(long entries) => new(true, null, null, null, entries);

    public static ExportVerification Broken(string file, long? entry, string problem) => new(false, file, entry, problem, 0);

    /// <summary><c>intact</c>, <c>broken: journal.csv entry 17: …</c> or <c>broken: trial-balance.csv: …</c>.</summary>
    public override string ToString() =>
        Intact ? "intact" : Entry is { } entry ? $"broken: {File} entry {entry}: {Problem}" : $"broken: {File}: {Problem}";
}
