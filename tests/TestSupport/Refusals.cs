using FundManager.Common;
using Xunit;

namespace FundManager.Tests.Infrastructure;

/// <summary>The one way a test says "this is refused by that rule": it runs what is refused and returns the refusal for further checks.</summary>
public static class Refusals
{
    public static async Task<RuleViolation> AssertRefusedAsync(BusinessRule rule, Func<Task> refused)
    {
        var violation = await Assert.ThrowsAsync<RuleViolation>(refused);
        Assert.Equal(rule, violation.Rule);
        return violation;
    }

    public static RuleViolation AssertRefused(BusinessRule rule, Action refused)
    {
        var violation = Assert.Throws<RuleViolation>(refused);
        Assert.Equal(rule, violation.Rule);
        return violation;
    }
}
