using FundManager.Common;

namespace FundManager.Api.Imports;

/// <summary>A rule a value on a line of an imported file broke, said of that line: the caller sent the file, not the value.</summary>
public static class LineRefusal
{
    public static RuleViolation Of(RuleViolation violation, int line, string field) =>
        new(violation.Rule, $"Line {line}: {violation.Message}", new Dictionary<string, object?>(violation.Context) { ["line"] = line }, field);
}
