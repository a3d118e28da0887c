using System.Reflection;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Pledges;
using FundManager.Recommendations;

namespace FundManager.Persistence;

/// <summary>
/// Maps stored event type names to CLR types. The name is the record's simple name, which is
/// therefore part of the storage format: an event type is never renamed, only added.
/// </summary>
public static class EventTypes
{
    private static readonly Type[] Bases = [typeof(FundEvent), typeof(DonorEvent), typeof(PledgeEvent), typeof(GrantEvent), typeof(RecommendationEvent)];

    private static readonly Dictionary<string, Type> ByName = typeof(EventTypes).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && Bases.Any(b => b.IsAssignableFrom(t)))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string NameOf(object @event) => @event.GetType().Name;

    public static Type TypeOf(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown stored event type '{name}'.");

    /// <summary>The reason an event carries, if it is one that must say why.</summary>
    public static string? ReasonOf(object @event) =>
        @event.GetType().GetProperty("Reason", BindingFlags.Public | BindingFlags.Instance)?.GetValue(@event) as string
        ?? @event.GetType().GetProperty("Comments", BindingFlags.Public | BindingFlags.Instance)?.GetValue(@event) as string;
}
