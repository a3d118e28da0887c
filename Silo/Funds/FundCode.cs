using System.Text.RegularExpressions;
using FundManager.Common;

namespace FundManager.Funds;

/// <summary>A fund's short code, such as <c>VFTC</c>, <c>UPR-VFTA</c> or <c>UPR-VFP</c>: 2–20 upper-case letters, digits and hyphens.</summary>
public readonly partial record struct FundCode : IComparable<FundCode>
{
    private FundCode(string value) => Value = value;

    public string Value { get; }

    public static FundCode Parse(string? value, string field = "fund")
    {
        var candidate = value?.Trim().ToUpperInvariant();
        if (candidate is null || !Pattern().IsMatch(candidate))
        {
            throw RuleViolation.Of(BusinessRule.InvalidFundCode, "A fund code is 2 to 20 letters, digits or hyphens, starting with a letter.", field, ("fund", value));
        }

        return new FundCode(candidate);
    }

    public int CompareTo(FundCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,19}$")]
    private static partial Regex Pattern();
}
