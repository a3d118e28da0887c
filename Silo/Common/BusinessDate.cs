namespace FundManager.Common;

/// <summary>
/// Bounds on the dates a person may enter. A fund's records start in 2000 and plans end by 2100;
/// anything outside is a typing error, not a plan.
/// </summary>
public static class BusinessDate
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static DateOnly Check(DateOnly date, string field)
    {
        if (date < Earliest || date > Latest)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"{field} must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.", field, ("date", date));
        }

        return date;
    }

    /// <summary>Today in UTC, from an injected clock (the domain never reads the system clock itself).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
