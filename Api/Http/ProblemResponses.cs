using FundManager.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FundManager.Api.Http;

/// <summary>
/// Declares, for each endpoint, the problem responses it can give and the problem types of each: from its method,
/// its route parameters, its authorization and the rules it refuses with (<see cref="Refusals"/>).
/// </summary>
public static class ProblemResponses
{
    /// <summary>A problem an endpoint answers with that is not a business rule (a failed login, a rate limit).</summary>
    public sealed record AlsoAnswers(int Status, string? Type = null);

    /// <summary>The problem types an endpoint can answer with, by status.</summary>
    public sealed record Catalogue(IReadOnlyDictionary<int, IReadOnlyList<string>> TypesByStatus);

    /// <summary>Run last on every endpoint of the API, once its own metadata is in place.</summary>
    public static void Declare(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var isCommand = metadata.OfType<HttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Post));
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var restricted = metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
        var rules = new List<BusinessRule>();
        if (anonymous)
        {
            rules.Add(BusinessRule.InvalidInput);
        }
        else if (isCommand)
        {
            rules.AddRange(CommandRefusals.EveryCommand);
        }
        else
        {
            rules.Add(BusinessRule.InvalidInput);
            rules.Add(BusinessRule.EntityNotFound);
        }

        rules.AddRange(metadata.OfType<Refusals>().SelectMany(r => r.Rules));
        var types = rules.Distinct()
            .GroupBy(Problems.StatusOf)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(Problems.TypeOf).Order(StringComparer.Ordinal).ToList());
        if (!anonymous)
        {
            types[StatusCodes.Status401Unauthorized] = [Problems.TokenRevoked];
            if (restricted)
            {
                types[StatusCodes.Status403Forbidden] = [];
            }
        }

        if (isCommand)
        {
            types[StatusCodes.Status413PayloadTooLarge] = [];
        }

        foreach (var also in metadata.OfType<AlsoAnswers>())
        {
            var known = types.GetValueOrDefault(also.Status, []);
            types[also.Status] = also.Type is null ? known : [.. known, also.Type];
        }

        foreach (var status in types.Keys.Where(s => !metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == s)))
        {
            metadata.Add(new ProblemResponse(status));
        }

        metadata.Add(new Catalogue(types));
    }

    private sealed class ProblemResponse(int status) : IProducesResponseTypeMetadata
    {
        public Type? Type => status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);

        public int StatusCode => status;

        public string? Description => null;

        public IEnumerable<string> ContentTypes => ["application/problem+json"];
    }
}
