using System.Text.RegularExpressions;
using FundManager.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FundManager.Api.Http;

/// <summary>
/// Turns a broken rule into RFC 9457 problem details: a stable <c>type</c> per rule, a human <c>detail</c>,
/// and <c>errors</c> per field. Nothing internal (stack, SQL, type names) ever reaches a response.
/// </summary>
public static partial class Problems
{
    private static readonly HashSet<BusinessRule> BadInput =
    [
        BusinessRule.InvalidInput, BusinessRule.UnknownCurrency, BusinessRule.UnknownCountry, BusinessRule.UnknownSdgTarget,
        BusinessRule.AmountMustBePositive, BusinessRule.AmountPrecisionExceedsCurrency, BusinessRule.AmountTooLarge,
        BusinessRule.ReasonRequired, BusinessRule.InvalidFundCode, BusinessRule.RateOutOfRange,
    ];

    public const string Prefix = "urn:fundmanager:problem:";

    // Problems that are not business rules.
    public const string LoginFailed = Prefix + "login-failed";
    public const string RefreshFailed = Prefix + "refresh-failed";
    public const string TokenRevoked = Prefix + "token-revoked";
    public const string TemplateMistake = Prefix + "template-mistake";

    /// <summary>The problem type of a rule: <c>urn:fundmanager:problem:tranche-exceeds-undisbursed-commitment</c>.</summary>
    public static string TypeOf(BusinessRule rule) => Prefix + Kebab(rule.ToString());

    public static int StatusOf(BusinessRule rule) => rule switch
    {
        BusinessRule.EntityNotFound => StatusCodes.Status404NotFound,
        BusinessRule.VersionMismatch => StatusCodes.Status412PreconditionFailed,
        BusinessRule.OnlineGivingOff => StatusCodes.Status503ServiceUnavailable,
        BusinessRule.EntityAlreadyExists or BusinessRule.ConcurrencyConflict => StatusCodes.Status409Conflict,
        _ when BadInput.Contains(rule) => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The problem document of a refusal, with the rule's status unless <paramref name="status"/> says otherwise.</summary>
    public static IResult From(RuleViolation violation, int? status = null)
    {
        var errors = new Dictionary<string, string[]> { [violation.Field ?? "request"] = [violation.Message] };
        return Results.ValidationProblem(
            errors,
            detail: violation.Message,
            statusCode: status ?? StatusOf(violation.Rule),
            title: Kebab(violation.Rule.ToString()).Replace('-', ' '),
            type: TypeOf(violation.Rule),
            extensions: new Dictionary<string, object?> { ["rule"] = violation.Rule.ToString() });
    }

    /// <summary>
    /// A mistake in a report template, located: which template, line and column. 422 when the caller sent the text (an
    /// editor's preview or save), 500 when a report met it in a template already in place.
    /// </summary>
    public static ProblemHttpResult Template(Reporting.Templates.TemplateException mistake, int status) =>
        TypedResults.Problem(
            statusCode: status,
            title: "report template mistake",
            type: TemplateMistake,
            detail: mistake.Message,
            extensions: new Dictionary<string, object?>
            {
                ["template"] = mistake.Template,
                ["line"] = mistake.Line,
                ["column"] = mistake.Column,
                ["errors"] = new Dictionary<string, string[]> { ["text"] = [mistake.Message] },
            });

    public static IResult Input(string field, string message) =>
        From(RuleViolation.Of(BusinessRule.InvalidInput, message, field));

    /// <summary>The exception handler: rules become problems; anything else a 500 with no internals and the reference of its log line.</summary>
    public static async Task HandleAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error switch
        {
            RuleViolation violation => From(violation),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => Input(JsonField(json.Path), "The body is not valid: " + Clean(json.Message)),
            BadHttpRequestException bad => Input("request", bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : Clean(bad.Message)),
            // The secretariat's template, not the caller, is at fault: say where, so it can be fixed.
            Reporting.Templates.TemplateException template => Template(template, StatusCodes.Status500InternalServerError),
            _ => Unexpected(context, error),
        };
        await result.ExecuteAsync(context);
    }

    // The program's own failure: logged with the request's reference, which the problem gives the caller to quote; no
    // internals leave the server.
    private static IResult Unexpected(HttpContext context, Exception? error)
    {
        var reference = context.TraceIdentifier;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Problems))
            .LogError(error, "{Method} {Path} failed (reference {Reference})", context.Request.Method, context.Request.Path.Value, reference);
        return Results.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Internal error",
            detail: $"The request failed; nothing was changed. The error was logged with the reference {reference}.",
            extensions: new Dictionary<string, object?> { ["reference"] = reference });
    }

    // "$.instalments[0].amount" → "instalments[0].amount", the name the caller wrote.
    private static string JsonField(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    // Framework messages can name CLR types; keep only the part a caller can act on.
    private static string Clean(string message) => TypeName().Replace(message, "value");

    private static string Kebab(string name) => KebabPattern().Replace(name, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex KebabPattern();

    [GeneratedRegex(@"'?(System|FundManager|Microsoft)\.[\w.`\[\]]+'?")]
    private static partial Regex TypeName();
}
