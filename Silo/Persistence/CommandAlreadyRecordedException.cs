namespace FundManager.Persistence;

/// <summary>A racing duplicate of the same command id committed first; the runner returns its result.</summary>
internal sealed class CommandAlreadyRecordedException() : Exception("The command id was recorded by a concurrent request.");
