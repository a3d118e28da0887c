namespace FundManager.Common;

/// <summary>
/// Guards against a caller's programming error. A broken business rule is a
/// <see cref="RuleViolation"/> instead: the two channels never mix.
/// </summary>
public static class Preconditions
{
    public static T NotNull<T>(T? value, string name) where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static string NotBlank(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be blank.", name) : value;

    public static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }
}
