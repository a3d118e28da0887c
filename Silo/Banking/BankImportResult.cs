namespace FundManager.Banking;

/// <summary>
/// What an import of bank statements found: statements and entries read and how many of them were new (the rest had been
/// imported before and were left as they were), and what became of the new entries.
/// </summary>
public sealed record BankImportResult(int Statements, int NewStatements, long Entries, long NewEntries, long Proposed, long Suspense, long Debits, long Pending);
