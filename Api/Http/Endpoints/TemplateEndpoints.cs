using FundManager.Api.Templates;
using FundManager.Common;
using FundManager.Reporting.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>
/// Administrators edit the report templates: read each version, preview a text on the demo data, save it as the next
/// version. A text with a mistake is answered with a <c>template-mistake</c> problem giving its line and column, and is
/// not saved.
/// </summary>
public static class TemplateEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Report templates").RequireAuthorization(Policies.Admin);
        templates.MapGet("/", ListAsync)
            .WithSummary("The report templates, each at its latest version.");
        templates.MapGet("/{name}", CurrentAsync)
            .WithSummary("The version of a template that reports use now, with its text.");
        templates.MapGet("/{name}/versions", HistoryAsync)
            .WithSummary("Every version of a template, newest first: who saved it, when and why. Version 0 is the shipped file.");
        templates.MapGet("/{name}/versions/{version:int}", VersionAsync)
            .WithSummary("One version of a template, with its text.");
        templates.MapPost("/{name}/versions", SaveAsync)
            .WithMetadata(new ProblemResponses.AlsoAnswers(StatusCodes.Status422UnprocessableEntity, Problems.TemplateMistake))
            .WithSummary("Saves a text as the template's next version, once it renders the demo data; reports use it from then on.");
        templates.MapPost("/{name}/preview", PreviewAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithMetadata(new ProblemResponses.AlsoAnswers(StatusCodes.Status422UnprocessableEntity, Problems.TemplateMistake))
            .WithSummary("Renders a text, not saved, on the demo data: the page a report would be.");
    }

    public static async Task<Ok<List<TemplateSummary>>> ListAsync(TemplateStore store, CancellationToken ct)
    {
        var summaries = new List<TemplateSummary>();
        foreach (var name in store.Shipped.Names)
        {
            var latest = (await store.HistoryAsync(name, ct))[0];
            summaries.Add(new TemplateSummary(name, KindOf(name), latest.Version, latest.Sha256, latest.ChangedBy, latest.ChangedAt));
        }

        return TypedResults.Ok(summaries);
    }

    public static async Task<Ok<TemplateText>> CurrentAsync(string name, HttpContext http, TemplateStore store, CancellationToken ct)
    {
        Known(store, name);
        var current = (await store.LibraryAsync(ct)).Current(name);
        http.Response.Headers.ETag = RequestContext.ETag(current.Version);
        return TypedResults.Ok(TextOf(current));
    }

    public static async Task<Ok<IReadOnlyList<TemplateVersion>>> HistoryAsync(string name, TemplateStore store, CancellationToken ct)
    {
        Known(store, name);
        return TypedResults.Ok(await store.HistoryAsync(name, ct));
    }

    public static async Task<Ok<TemplateText>> VersionAsync(string name, int version, TemplateStore store, CancellationToken ct)
    {
        Known(store, name);
        return await store.VersionAsync(name, version, ct) is { } found ? TypedResults.Ok(TextOf(found)) : throw Responses.NotFound("version");
    }

    public static async Task<IResult> SaveAsync(string name, TemplateEdit body, HttpContext http, TemplateStore store, CancellationToken ct)
    {
        store.RequireEditable(name, body.Text);
        var reason = Reason.Require(body.Reason);
        if (await RenderAsync(name, body.Text!, store, ct) is { } mistake)
        {
            return mistake;
        }

        return Responses.Created(http, await store.SaveAsync(name, body.Text!, reason, body.BasedOn, http.Command(creates: true), ct));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PreviewAsync(
        string name, TemplatePreviewRequest body, HttpContext http, TemplateStore store, CancellationToken ct)
    {
        store.RequireEditable(name, body.Text);
        try
        {
            var page = new TemplatePreview(await store.LibraryAsync(ct)).Render(name, body.Text!);

            // The page is the administrator's own text: shown in a sandbox, it runs no script with this site's rights.
            http.Response.Headers.ContentSecurityPolicy = "sandbox";
            return TypedResults.Content(page, "text/html; charset=utf-8");
        }
        catch (TemplateException e)
        {
            return Problems.Template(e, StatusCodes.Status422UnprocessableEntity);
        }
    }

    // A text is saved only when it renders the demo data: a saved template can always make its report.
    private static async Task<ProblemHttpResult?> RenderAsync(string name, string text, TemplateStore store, CancellationToken ct)
    {
        try
        {
            new TemplatePreview(await store.LibraryAsync(ct)).Render(name, text);
            return null;
        }
        catch (TemplateException e)
        {
            return Problems.Template(e, StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static void Known(TemplateStore store, string name)
    {
        if (!store.Shipped.Names.Contains(name, StringComparer.Ordinal))
        {
            throw Responses.NotFound("name");
        }
    }

    private static TemplateText TextOf(ReportTemplate template) => new(template.Name, template.Version, template.Sha256, template.Text);

    private static string KindOf(string name) => name.EndsWith(".md" + TemplateLibrary.Extension, StringComparison.Ordinal) ? "markdown" : "html";
}
