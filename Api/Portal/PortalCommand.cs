using FundManager.Api.Http;
using FundManager.Common;
using FundManager.Persistence;

namespace FundManager.Api.Portal;

/// <summary>
/// A command sent from a page's form: the same command the API sends, with the same audit record, named by the
/// form's own key so that a form sent twice (a double click, the browser's back button) is carried out once.
/// </summary>
public static class PortalCommand
{
    /// <summary>Sends the command; a refusal is returned (and answered with its rule's status) for the page to show next to its field.</summary>
    public static async Task<RuleViolation?> SendAsync(HttpContext http, string formKey, Func<CommandContext, Task<CommandResult>> send, bool creates = false) =>
        (await RunAsync(http, formKey, send, creates)).Refusal;

    /// <summary>
    /// Sends a command that creates an entity: what it created (its stream, for the page to go to), or the refusal. A
    /// form sent twice reaches the same entity, because the new entity's id derives from the form's key.
    /// </summary>
    public static async Task<PortalSent> CreateAsync(HttpContext http, string formKey, Func<CommandContext, Task<CommandResult>> send)
    {
        var (result, refusal) = await RunAsync(http, formKey, send, creates: true);
        return new PortalSent(result is null ? null : Entities.StreamId.Parse(result.Stream), refusal);
    }

    // The command with the request's audit record (201 for a creation), named by the form's key.
    private static async Task<(CommandResult? Result, RuleViolation? Refusal)> RunAsync(
        HttpContext http, string formKey, Func<CommandContext, Task<CommandResult>> send, bool creates)
    {
        try
        {
            var user = http.User();
            var context = new CommandContext(
                Http.RequestContext.Keyed(user.Value, formKey, "key"), user,
                Audit: AuditTrail.EntryFor(http, creates ? StatusCodes.Status201Created : StatusCodes.Status200OK));
            var result = await send(context);
            if (!result.Replayed)
            {
                AuditTrail.Written(http);
            }

            return (result, null);
        }
        catch (RuleViolation refused)
        {
            http.Response.StatusCode = Problems.StatusOf(refused.Rule);
            return (null, refused);
        }
    }

    /// <summary>A new key for a form: it travels in the form, so each form shown is one command however often it is sent.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");
}

/// <summary>What a form's command did: the stream it wrote, or the refusal.</summary>
public sealed record PortalSent(Entities.StreamId? Stream, RuleViolation? Refusal);
