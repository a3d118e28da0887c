using FundManager.Common;

namespace FundManager.Entities;

/// <summary>
/// A single-writer entity rebuilt from its history. Commands never mutate it: they decide
/// which events happen (methods returning events), and the events are then applied here,
/// in memory, and appended to the store at the version the decision was made on.
/// </summary>
/// <typeparam name="TEvent">The entity's event base type.</typeparam>
public abstract class Entity<TEvent> : IVersioned where TEvent : class
{
    /// <summary>How many events the entity has; 0 before it exists.</summary>
    public long Version { get; private set; }

    public bool Exists => Version > 0;

    /// <summary>Applies one event that has happened. Never throws for an event this entity produced.</summary>
    public void Apply(TEvent @event)
    {
        When(@event);
        Version++;
    }

    public void ApplyAll(IEnumerable<TEvent> events)
    {
        foreach (var e in events)
        {
            Apply(e);
        }
    }

    protected abstract void When(TEvent @event);

    protected static RuleViolation Illegal(string what, object state) =>
        RuleViolation.Of(BusinessRule.IllegalTransition, $"Cannot {what} while the {EntityName} is {state}.", null, ("state", state.ToString()));

    private static string EntityName => typeof(TEvent).Name.Replace("Event", "", StringComparison.Ordinal).ToLowerInvariant();
}
