using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FundManager.Api.Identity;
using FundManager.Common;
using FundManager.Persistence;

namespace FundManager.Api.Http;

/// <summary>
/// Who is calling and what they sent along with the body: the <c>Idempotency-Key</c> (the same key from
/// the same user is the same command) and <c>If-Match</c> (the version the caller saw).
/// </summary>
public static class RequestContext
{
    public const string DonorClaim = "fundmanager:donor";
    public const int MaxIdempotencyKeyLength = 200;

    public static UserId User(this HttpContext http) =>
        new(http.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("No authenticated user."));

    /// <summary>The donor a donor user speaks for; null for everyone else.</summary>
    public static Guid? OwnDonor(this HttpContext http) =>
        http.User.IsInRole(Role.Donor) && Guid.TryParse(http.User.FindFirstValue(DonorClaim), out var id) ? id : null;

    /// <summary>True when the caller sees every donor's data (secretariat, Board, auditors, admins).</summary>
    public static bool SeesAllDonors(this HttpContext http) =>
        http.User.IsInRole(Role.Officer) || http.User.IsInRole(Role.Approver) || http.User.IsInRole(Role.Board)
        || http.User.IsInRole(Role.Auditor) || http.User.IsInRole(Role.Admin);

    /// <summary>
    /// The command context of this request, carrying the audit record the command writes in its own transaction;
    /// throws a <see cref="RuleViolation"/> for a malformed header.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="creates">True when success answers 201 Created (the status the audit record gives).</param>
    public static CommandContext Command(this HttpContext http, bool creates = false)
    {
        var user = http.User();
        var commandId = http.CommandIdFor(user.Value);
        long? expected = null;
        if (http.Request.Headers.TryGetValue("If-Match", out var match))
        {
            var text = match.ToString().Trim().Trim('"');
            if (text.StartsWith('v'))
            {
                text = text[1..];
            }

            expected = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0
                ? version
                : throw RuleViolation.Of(BusinessRule.InvalidInput, "If-Match carries an entity tag as given by ETag, such as \"v3\".", "If-Match");
        }

        return new CommandContext(commandId, user, expected, AuditTrail.EntryFor(http, creates ? StatusCodes.Status201Created : StatusCodes.Status200OK));
    }

    /// <summary>
    /// The id of the command this request sends on behalf of <paramref name="caller"/> (a user, or anyone for an
    /// anonymous request): new each time, or named by the Idempotency-Key header, so the same key from the same caller
    /// names the same command and a replay returns its first result.
    /// </summary>
    public static CommandId CommandIdFor(this HttpContext http, string caller) =>
        http.Request.Headers.TryGetValue("Idempotency-Key", out var keys) ? Keyed(caller, keys.ToString(), "Idempotency-Key") : CommandId.New();

    /// <summary>
    /// The command a caller names by a key of its own (an Idempotency-Key header, or the key a page's form carries): the
    /// same key from the same caller is the same command, so a request sent twice is carried out once.
    /// </summary>
    public static CommandId Keyed(string caller, string key, string field)
    {
        if (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"An Idempotency-Key is 1 to {MaxIdempotencyKeyLength} printable characters.", field);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caller + "\n" + key));
        return new CommandId(new Guid(hash.AsSpan(0, 16)));
    }

    /// <summary>The entity tag of a version: <c>"v3"</c>.</summary>
    public static string ETag(long version) => $"\"v{version}\"";
}
