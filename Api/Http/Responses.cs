using FundManager.Entities;
using FundManager.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http;

/// <summary>The shapes of successful responses: an entity with its ETag, or what a command did.</summary>
public static class Responses
{
    /// <summary>The entity's view with its version as ETag; a missing entity is <see cref="Common.BusinessRule.EntityNotFound"/> (404).</summary>
    public static Ok<TView> Found<TEntity, TView>(HttpContext http, TEntity entity, Func<TEntity, TView> view)
        where TEntity : IVersioned
    {
        if (!entity.Exists)
        {
            throw NotFound();
        }

        http.Response.Headers.ETag = RequestContext.ETag(entity.Version);
        return TypedResults.Ok(view(entity));
    }

    /// <summary>A page of an entity's history, oldest first; an entity with no history is 404.</summary>
    public static async Task<Page<HistoryView>> HistoryAsync(FundSystem system, StreamId stream, string? cursor, int? limit, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        var after = Paging.Position(cursor) ?? 0;
        var history = await system.Entities.HistoryAsync(stream, ct);
        if (history.Count == 0)
        {
            throw NotFound();
        }

        return Paging.Of(history.Where(e => e.Version > after).Take(size + 1).ToList(), size, e => e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), HistoryView.Of);
    }

    /// <summary>404 for the record <paramref name="field"/> (the path parameter that named it) identifies.</summary>
    public static Common.RuleViolation NotFound(string field = "id") =>
        Common.RuleViolation.Of(Common.BusinessRule.EntityNotFound, "There is no such record, or it is not yours to see.", field);

    /// <summary>201 with what a creating command did; a replay (same Idempotency-Key) returns the same response.</summary>
    public static Created<CommandResponse> Created(HttpContext http, CommandResult result) => TypedResults.Created((string?)null, Respond(http, result));

    /// <summary>200 with what a command did, the changed entity's new version as ETag.</summary>
    public static Ok<CommandResponse> Done(HttpContext http, CommandResult result) => TypedResults.Ok(Respond(http, result));

    /// <summary>The headers of a command's response (its replay, its audit, the new version as ETag), and its body.</summary>
    private static CommandResponse Respond(HttpContext http, CommandResult result)
    {
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }
        else
        {
            // The command wrote this request's audit record in its own transaction.
            AuditTrail.Written(http);
        }

        http.Response.Headers.ETag = RequestContext.ETag(result.Version);
        return CommandResponses.Of(result);
    }
}
