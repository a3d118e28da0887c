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
    public static async Task<RuleViolation?> SendAsync(HttpContext http, string formKey, Func<CommandContext, Task<CommandResult>> send, bool creates = false)
    {
        try
        {
            var user = http.User();
            var context = new CommandContext(
                Http.RequestContext.Keyed(user.Value, formKey, "key"), user,
                Audit: AuditTrail.EntryFor(http, creates ? StatusCodes.Status201Created : StatusCodes.Status200OK));
            if (!(await send(context)).Replayed)
            {
                AuditTrail.Written(http);
            }

            return null;
        }
        catch (RuleViolation refused)
        {
            http.Response.StatusCode = Problems.StatusOf(refused.Rule);
            return refused;
        }
    }

    /// <summary>A new key for a form: it travels in the form, so each form shown is one command however often it is sent.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");
}
