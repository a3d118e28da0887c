namespace FundManager.Reporting.Exports;

/// <summary>Ends a check at the first broken thing found; <see cref="LedgerExportVerifier"/> turns it into its answer.</summary>
internal sealed class BrokenExportException(string file, long? entry, string problem) : Exception(problem)
{
    public string File { get; } = file;

    public long? Entry { get; } = entry;
}
