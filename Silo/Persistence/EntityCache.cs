using System.Collections.Concurrent;

namespace FundManager.Persistence;

/// <summary>
/// The read side's memory of recently read entities' events (lists, reports). A read still asks the database for every
/// event newer than what is cached, so what the grains wrote is never missed; the cache only spares re-reading and
/// re-parsing an entity's older history. Commands never use it: their grains hold their entities.
/// </summary>
public sealed class EntityCache(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<object>> _events = new(StringComparer.Ordinal);

    /// <summary>The cached events of a stream (versions 1..n, in order), or none.</summary>
    public IReadOnlyList<object> Get(string stream) => _events.TryGetValue(stream, out var events) ? events : [];

    /// <summary>Remembers a stream's events if they are newer than what is cached.</summary>
    public void Put(string stream, IReadOnlyList<object> events)
    {
        if (_events.Count >= capacity)
        {
            // Crude but safe: forgetting only costs a re-read.
            _events.Clear();
        }

        _events.AddOrUpdate(stream, events, (_, cached) => cached.Count >= events.Count ? cached : events);
    }

}
