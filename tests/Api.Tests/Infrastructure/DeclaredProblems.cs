using System.Text.RegularExpressions;

namespace FundManager.Api.Tests.Infrastructure;

/// <summary>
/// What the OpenAPI document promises about errors: for each operation, the problem statuses it declares and the
/// problem types (<c>x-problem-types</c>) of each. Tests hold every problem they meet to these promises.
/// </summary>
public sealed class DeclaredProblems(JsonElement document)
{
    public static async Task<DeclaredProblems> LoadAsync(HttpClient client) =>
        new(await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json"));

    /// <summary>Null when the response is one the document declares for the operation; otherwise what is wrong.</summary>
    public async Task<string?> CheckAsync(string method, string url, HttpResponseMessage response)
    {
        var path = url.Split('?')[0];
        var template = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty(method.ToLowerInvariant(), out _))
            .Where(p => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$"))
            .OrderBy(p => p.Name.Count(c => c == '{'))
            .Select(p => p.Name)
            .FirstOrDefault();
        if (template is null)
        {
            return $"no operation {method} {path} in the OpenAPI document";
        }

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = document.GetProperty("paths").GetProperty(template).GetProperty(method.ToLowerInvariant()).GetProperty("responses");
        if (!responses.TryGetProperty(status, out var declared))
        {
            return $"{method} {template} does not declare {status}";
        }

        var body = await response.Content.ReadAsStringAsync();
        var type = body.StartsWith('{') ? JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var t) ? t.GetString() : null : null;
        if (type is null || !type.StartsWith("urn:fundmanager:problem:", StringComparison.Ordinal))
        {
            return null;
        }

        var types = declared.TryGetProperty("x-problem-types", out var list) ? list.EnumerateArray().Select(e => e.GetString()).ToList() : [];
        return types.Contains(type) ? null : $"{method} {template} {status} does not list {type}";
    }
}
