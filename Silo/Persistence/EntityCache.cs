using System.Collections.Concurrent;

namespace FundManager.Persistence;

/// <summary>
/// The events of recently used entities, kept in memory like an activated grain's state. A command still
/// reads from the database every event newer than what is cached, so writes by other processes are never
/// missed; the cache only spares re-reading and re-parsing an entity's older history.
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

    /// <summary>Forgets everything (after a rolled-back batch whose commands cached what was never committed).</summary>
    public void Clear() => _events.Clear();
}
