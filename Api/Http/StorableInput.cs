using FundManager.Common;

namespace FundManager.Api.Http;

/// <summary>
/// Refuses, as bad input naming the parameter, a request whose query or route values hold what no field of FundManager
/// accepts and PostgreSQL text cannot store: a NUL character or half of a surrogate pair. Filters and cursors reach the
/// database as they are, so they are checked here, once, for every endpoint.
/// </summary>
public static class StorableInput
{
    public static Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        foreach (var (name, values) in http.Request.Query)
        {
            Require(name, name);
            foreach (var value in values)
            {
                Require(value ?? "", name);
            }
        }

        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (value is string text)
            {
                Require(text, name);
            }
        }

        return next(http);
    }

    private static void Require(string value, string field)
    {
        if (!Text.IsStorable(value))
        {
            throw RuleViolation.Of(
                BusinessRule.InvalidInput, $"{(Text.IsStorable(field) ? field : "A parameter")} holds a NUL character or half of a surrogate pair, which no field accepts.",
                Text.IsStorable(field) ? field : "query");
        }
    }
}
