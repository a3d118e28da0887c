namespace FundManager.Persistence;

/// <summary>Another writer appended to the same entity first; the command is retried on the new state.</summary>
internal sealed class ConcurrencyConflictException(string stream) : Exception($"Stream {stream} was changed by another writer.")
{
    public string Stream { get; } = stream;
}
