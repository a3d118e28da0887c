using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FundManager.Api.Http;

/// <summary>
/// Declares the bearer-token scheme in the OpenAPI document and requires it everywhere but login, refresh, health and
/// online giving's open doors (giving, its settings, Stripe's webhook) and the public repository, where a token is optional or never sent.
/// </summary>
public sealed class OpenApiSecurity : IOpenApiDocumentTransformer
{
    private static readonly HashSet<(string Method, string Path)> Anonymous =
    [
        ("POST", "/api/v1/donations"), ("GET", "/api/v1/donations/settings"), ("POST", "/api/v1/webhooks/stripe"),
        ("GET", "/api/v1/public/activities"), ("GET", "/api/v1/public/activities.csv"), ("GET", "/api/v1/public/activities/{id}"), ("GET", "/api/v1/public/funds/{code}/iati.xml"),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An access token from POST /api/v1/auth/login.",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) || path.StartsWith("/health", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (Anonymous.Contains((method.Method, path)))
                {
                    continue;
                }

                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
