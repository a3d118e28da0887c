namespace FundManager.Common;

/// <summary>Why something was done: required for amendments, cancellations, rejections and write-offs.</summary>
public static class Reason
{
    public const int MaxLength = 2000;

    /// <summary>Returns the trimmed reason or throws <see cref="BusinessRule.ReasonRequired"/>.</summary>
    public static string Require(string? reason, string field = "reason")
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RuleViolation.Of(BusinessRule.ReasonRequired, "A reason is required for this action.", field);
        }

        return Text.Check(reason, field, MaxLength);
    }
}
