using FundManager.Common;
using FundManager.Entities;

namespace FundManager.Tests.Rules;

/// <summary>
/// The domain's rules tested in memory, in milliseconds: given the events an entity has, when a command decides, then the
/// events it decided, or the rule that refused it. No database, no grain: what the grains and the store add is tested
/// against PostgreSQL elsewhere.
/// </summary>
public static class Given
{
    /// <summary>An entity with <paramref name="history"/> applied, as the store would rebuild it.</summary>
    public static History<TEntity, TEvent> History<TEntity, TEvent>(IEnumerable<TEvent> history)
        where TEntity : Entity<TEvent>, new()
        where TEvent : class
    {
        var entity = new TEntity();
        entity.ApplyAll(history);
        return new History<TEntity, TEvent>(entity);
    }
}

/// <summary>An entity rebuilt from the events given, waiting for the command.</summary>
public sealed class History<TEntity, TEvent>(TEntity entity)
    where TEntity : Entity<TEvent>
    where TEvent : class
{
    public TEntity Entity => entity;

    /// <summary>Lets <paramref name="command"/> decide on the entity; the entity itself is not changed.</summary>
    public Decision<TEvent> When(Func<TEntity, TEvent[]> command)
    {
        try
        {
            return new Decision<TEvent>(command(entity), null);
        }
        catch (RuleViolation refusal)
        {
            return new Decision<TEvent>([], refusal);
        }
    }
}

/// <summary>What a command decided: events, or a refusal.</summary>
public sealed record Decision<TEvent>(TEvent[] Events, RuleViolation? Refusal)
    where TEvent : class
{
    /// <summary>The command was accepted and decided exactly <paramref name="expected"/>, field by field.</summary>
    public void Then(params TEvent[] expected)
    {
        Assert.True(Refusal is null, $"Refused by {Refusal?.Rule}: {Refusal?.Message}");
        Assert.Equivalent(expected, Events, strict: true);
    }

    /// <summary>The command was refused by <paramref name="rule"/>, naming <paramref name="field"/> (null: no field).</summary>
    public RuleViolation ThenRefused(BusinessRule rule, string? field)
    {
        if (Refusal is null)
        {
            Assert.Fail($"Accepted, deciding {Events.Length} event(s): {string.Join(", ", Events.Select(e => e.GetType().Name))}");
        }

        Assert.Equal(rule, Refusal.Rule);
        Assert.Equal(field, Refusal.Field);
        return Refusal;
    }
}
