namespace FundManager.Common;

/// <summary>Who did something: the stable identifier of a user (an e-mail address or a system name).</summary>
public readonly record struct UserId
{
    public UserId(string value)
    {
        Preconditions.NotBlank(value, nameof(value));
        Preconditions.Require(value.Length <= 200, nameof(value), "A user id is at most 200 characters.");
        Value = value.Trim();
    }

    public string Value { get; }

    /// <summary>The identity under which the program itself acts (demo loading, imports).</summary>
    public static UserId System { get; } = new("system");

    public override string ToString() => Value;
}
