using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FundManager.Api.Http;

/// <summary>
/// Writes into each operation's problem responses which problem <c>type</c>s it can carry (as text and as the
/// extension <c>x-problem-types</c>), from the catalogue <see cref="ProblemResponses"/> made for the endpoint.
/// </summary>
public sealed class OpenApiProblems : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var catalogue = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemResponses.Catalogue>().LastOrDefault();
        if (catalogue is null || operation.Responses is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (status, types) in catalogue.TypesByStatus)
        {
            if (!operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) || found is not OpenApiResponse response)
            {
                continue;
            }

            response.Description = Describe(status) + (types.Count == 0 ? "" : " Problem types: " + string.Join(", ", types) + ".");
            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions["x-problem-types"] = new JsonNodeExtension(new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()));
        }

        return Task.CompletedTask;
    }

    private static string Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed or a value is not acceptable; `errors` names the field.",
        StatusCodes.Status401Unauthorized => "No valid bearer token (missing, expired, forged, or ended by logout), or the login failed.",
        StatusCodes.Status403Forbidden => "The caller's roles do not allow this.",
        StatusCodes.Status404NotFound => "No such record, or not one the caller may see.",
        StatusCodes.Status409Conflict => "The record already exists, or changed under the command too many times in a row.",
        StatusCodes.Status412PreconditionFailed => "If-Match names a version the record has moved on from.",
        StatusCodes.Status413PayloadTooLarge => "The body is larger than the API accepts.",
        StatusCodes.Status422UnprocessableEntity => "A business rule refuses the command; `rule` names it.",
        StatusCodes.Status429TooManyRequests => "Too many attempts from this address; wait a minute.",
        _ => "A problem.",
    };
}
