using System.Globalization;

namespace FundManager.Cluster;

/// <summary>
/// A broken rule as it travels between silos and to the caller: the rule, its message, the field it concerns and its
/// context as text. It turns back into the <see cref="RuleViolation"/> it was made from on the caller's side.
/// </summary>
public sealed record Refusal(BusinessRule Rule, string Message, string? Field, IReadOnlyDictionary<string, string?> Context)
{
    public static Refusal Of(RuleViolation violation) => new(
        violation.Rule,
        violation.Message,
        violation.Field,
        violation.Context.ToDictionary(c => c.Key, c => c.Value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : c.Value?.ToString()));

    public RuleViolation ToViolation() => new(Rule, Message, Context.ToDictionary(c => c.Key, c => (object?)c.Value), Field);
}
