namespace FundManager.Common;

/// <summary>Checks free text typed by people: bounded length and no control characters.</summary>
public static class Text
{
    /// <summary>Returns <paramref name="value"/> trimmed, or throws <see cref="BusinessRule.InvalidInput"/>.</summary>
    public static string Check(string? value, string field, int maxLength, bool allowLineBreaks = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"{field} is required.", field);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"{field} is longer than {maxLength} characters.", field);
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            var isBreak = c is '\n' or '\r' or '\t';
            if (char.IsControl(c) && !(allowLineBreaks && isBreak))
            {
                throw RuleViolation.Of(BusinessRule.InvalidInput, $"{field} contains a control character.", field);
            }

            // Half of a surrogate pair is not a character: it cannot be stored as UTF-8.
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[++i])))
            {
                throw RuleViolation.Of(BusinessRule.InvalidInput, $"{field} contains half of a surrogate pair, which is not a character.", field);
            }
        }

        return trimmed;
    }

    /// <summary>
    /// True when <paramref name="value"/> can be stored as PostgreSQL text: no NUL character and no half of a surrogate
    /// pair (which has no UTF-8 form).
    /// </summary>
    public static bool IsStorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0' || (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[++i]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Like <see cref="Check"/> but a missing value is allowed and returns null.</summary>
    public static string? Optional(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Check(value, field, maxLength);
}
