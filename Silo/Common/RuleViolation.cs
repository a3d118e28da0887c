namespace FundManager.Common;

/// <summary>
/// The one exception type for a broken business rule: which rule broke, a message a
/// user understands, and the context (ids, amounts) that explains it. A command that
/// throws it has changed nothing.
/// </summary>
public sealed class RuleViolation : Exception
{
    public RuleViolation(BusinessRule rule, string message, IReadOnlyDictionary<string, object?>? context = null, string? field = null)
        : base(message)
    {
        Rule = rule;
        Field = field;
        Context = context ?? new Dictionary<string, object?>();
    }

    /// <summary>The rule that was broken; stable, so callers and tests can match on it.</summary>
    public BusinessRule Rule { get; }

    /// <summary>The input field the rule concerns, when there is one (e.g. <c>instalments</c>).</summary>
    public string? Field { get; }

    public IReadOnlyDictionary<string, object?> Context { get; }

    public static RuleViolation Of(BusinessRule rule, string message, string? field = null, params (string Key, object? Value)[] context) =>
        new(rule, message, context.ToDictionary(c => c.Key, c => c.Value), field);
}
