using System.Text;
using System.Text.Json.Nodes;

namespace FundManager.Api.Tests;

/// <summary>
/// A walk over every operation of the OpenAPI document with hostile values in each path parameter, query parameter and
/// body field in turn: NUL bytes, 5,000-character strings, astral-plane characters, right-to-left text, half a surrogate
/// pair, numbers beyond range, impossible dates. The rest of each body is a valid-looking sample built from the
/// operation's schema, so the hostile value is what the request is judged on. No request may get a 5xx, and every 4xx
/// is a problem document.
/// </summary>
public sealed class OpenApiWalkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Raw = "\u0001raw:";

    private static readonly string[] Strings =
    [
        "nul\u0000byte", new string('x', 5000), "𝔘𝔓𝔕 ☃ 😀 𠜎", "\u202Eخطأ في الإدخال\u202C", "half\ud800pair", "2025-02-30", "0000-00-00", "", " ",
    ];

    // Numbers JSON can write but .NET cannot hold, written into the body as they are.
    private static readonly string[] Numbers = [Raw + "1e400", Raw + "-1e400", Raw + "79228162514264337593543950336", Raw + "2147483648", Raw + "-0.000000000000000000000000000001"];

    private static readonly string[] QueryValues =
    [
        "nul\u0000byte", new string('x', 5000), "𝔘𝔓𝔕😀", "\u202Eخطأ", "99999999999999999999", "1e400", "-1", "2025-02-30", "0000-00-00",
    ];

    [Fact]
    public async Task Every_operation_answers_hostile_values_with_a_4xx_problem_and_never_a_5xx()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in new[] { DemoUsers.Officer, DemoUsers.Approver, DemoUsers.Board, DemoUsers.Auditor, DemoUsers.Admin, DemoUsers.NorwayDonor })
        {
            clients[user] = await api.LoginAsync(user);
        }

        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var requests = 0;
        var operations = 0;
        var failures = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post"))
            {
                var method = operation.Name.ToUpperInvariant();
                if (path.Name == "/api/v1/auth/logout")
                {
                    // It ends the caller's tokens; it takes no input to be hostile with.
                    continue;
                }

                operations++;
                var client = clients[Caller(method, path.Name)];
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var body = BodySchema(operation.Value) is { } bodySchema ? Sample(bodySchema, schemas, 0) : null;
                foreach (var (url, content, what) in Variants(path.Name, parameters, body))
                {
                    requests++;
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (content is not null)
                    {
                        request.Content = new StringContent(content, Encoding.UTF8, "application/json");
                    }

                    var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var type = response.Content.Headers.ContentType?.MediaType;
                    var text = await response.Content.ReadAsStringAsync();
                    if (status >= 500 || (status >= 400 && type != "application/problem+json"))
                    {
                        failures.Add($"{status} {type}: {method} {path.Name} with {what} → {text[..Math.Min(text.Length, 300)]}");
                    }
                    else if (status >= 400 && UnsentFields(text, parameters, body) is { Count: > 0 } unsent)
                    {
                        failures.Add($"names fields the caller did not send ({string.Join(", ", unsent)}): {method} {path.Name} with {what} → {text[..Math.Min(text.Length, 300)]}");
                    }
                }
            }
        }

        Assert.True(operations >= 60, $"only {operations} operations");
        Assert.True(requests >= 2_000, $"only {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>
    /// The fields a problem's <c>errors</c> names that the caller did not send: each must be a parameter, a field of the
    /// body (or the end of one's path, as <c>tranches[0].amount</c> of <c>plan.tranches[0].amount</c>), or the body or
    /// request as a whole.
    /// </summary>
    private static List<string> UnsentFields(string problem, IReadOnlyList<JsonElement> parameters, JsonNode? body)
    {
        var named = JsonNode.Parse(problem)?["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        var sent = parameters.Select(p => p.GetProperty("name").GetString()!)
            .Concat(body is JsonObject fields ? Fields(fields, "") : [])
            .Concat(["body", "request", "Idempotency-Key", "If-Match"])
            .ToList();
        return named.Where(n => !sent.Any(s => string.Equals(s, n, StringComparison.OrdinalIgnoreCase)
            || s.EndsWith("." + n, StringComparison.OrdinalIgnoreCase) || Normalise(s).EndsWith(Normalise(n), StringComparison.OrdinalIgnoreCase))).ToList();
    }

    // "budget[3].amount" names the field "budget[0].amount" the walk sent.
    private static string Normalise(string field) => System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", "[0]");

    [Theory]
    [InlineData("amount", 10.001, "2026-06-01")]
    [InlineData("receivedOn", 10, "1999-12-31")]
    public async Task An_unpledged_receipt_refused_names_the_field_the_caller_sent(string field, decimal amount, string receivedOn)
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var response = await officer.PostAsJsonAsync("/api/v1/receipts/unpledged", new
        {
            donor = DemoIds.For("donor", "norway"), fund = "VFTC", reference = "FIELD-" + Guid.NewGuid().ToString("N"), channel = "BankTransfer",
            receivedOn, amount, currency = "USD",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }

    private static string Caller(string method, string path) => (method, path) switch
    {
        ("POST", "/api/v1/funds" or "/api/v1/funds/{code}/rates" or "/api/v1/exchange-rates" or "/api/v1/recommendations/imports") => DemoUsers.Admin,
        (_, _) when path.StartsWith("/api/v1/users", StringComparison.Ordinal) => DemoUsers.Admin,
        ("GET", "/api/v1/audit") => DemoUsers.Auditor,
        ("POST", _) when path.EndsWith("/recommend", StringComparison.Ordinal) => DemoUsers.Board,
        ("POST", _) when path.EndsWith("/approve", StringComparison.Ordinal) || path.EndsWith("/reject", StringComparison.Ordinal)
            || path.EndsWith("/close", StringComparison.Ordinal) || path.EndsWith("/accept", StringComparison.Ordinal)
            || path.EndsWith("/return", StringComparison.Ordinal) || path == "/api/v1/grants/{id}/cancel" => DemoUsers.Approver,
        _ => DemoUsers.Officer,
    };

    /// <summary>The request's variants: each path parameter, query parameter and body field hostile in turn, the others plausible.</summary>
    private static IEnumerable<(string Url, string? Body, string What)> Variants(string template, IReadOnlyList<JsonElement> parameters, JsonNode? body)
    {
        var pathParameters = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
        var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        string Url(string? hostileName, string? hostileValue, string? queryName, string? queryValue)
        {
            var url = template;
            foreach (var name in pathParameters)
            {
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(name == hostileName ? hostileValue! : Plausible(template, name)), StringComparison.Ordinal);
            }

            return queryName is null ? url : $"{url}?{Uri.EscapeDataString(queryName)}={Uri.EscapeDataString(queryValue!)}";
        }

        var plainBody = body?.ToJsonString();
        foreach (var name in pathParameters)
        {
            // A NUL in the path never reaches the program: Kestrel refuses the request line (and the in-memory test
            // server refuses to send it).
            foreach (var value in Strings.Where(s => s.Trim().Length > 0 && !s.Contains('\0', StringComparison.Ordinal)))
            {
                yield return (Url(name, value, null, null), plainBody, $"path {name}={Show(value)}");
            }
        }

        foreach (var name in query)
        {
            foreach (var value in QueryValues)
            {
                yield return (Url(null, null, name, value), plainBody, $"query {name}={Show(value)}");
            }
        }

        if (body is JsonObject fields)
        {
            foreach (var field in Fields(fields, ""))
            {
                foreach (var value in Strings.Concat(Numbers))
                {
                    yield return (Url(null, null, null, null), WithValue(fields, field, value), $"body {field}={Show(value)}");
                }
            }
        }
    }

    // Records of the demo data, so that a request gets past "not found" to the value being tried.
    private static string Plausible(string template, string parameter) => parameter switch
    {
        "id" when template.StartsWith("/api/v1/pledges", StringComparison.Ordinal) => DemoIds.For("pledge", "sweden/0").ToString(),
        "id" when template.StartsWith("/api/v1/donors", StringComparison.Ordinal) => DemoIds.For("donor", "norway").ToString(),
        "id" when template.StartsWith("/api/v1/recommendations", StringComparison.Ordinal) => "PRY-C4-1",
        "id" => DemoIds.For("grant", "8").ToString(),
        "code" or "fund" => "VFTC",
        "n" or "number" => "2",
        "year" => "2025",
        "account" => "1000",
        "email" => DemoUsers.Board,
        _ => "1",
    };

    // Every field of a body, nested ones as a.b and array items as a[0].b.
    private static IEnumerable<string> Fields(JsonObject node, string prefix)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix + name;
            yield return path;
            var inner = value is JsonArray { Count: > 0 } array ? (array[0], path + "[0].") : (value, path + ".");
            if (inner.Item1 is JsonObject child)
            {
                foreach (var nested in Fields(child, inner.Item2))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string WithValue(JsonObject body, string field, string value)
    {
        var copy = (JsonObject)body.DeepClone();
        JsonNode target = copy;
        var parts = field.Split('.');
        foreach (var part in parts[..^1])
        {
            target = part.EndsWith("[0]", StringComparison.Ordinal) ? target[part[..^3]]![0]! : target[part]!;
        }

        var marker = "\u0002hostile\u0002";
        target[parts[^1]] = value.StartsWith(Raw, StringComparison.Ordinal) ? marker : value;
        var json = copy.ToJsonString();
        return value.StartsWith(Raw, StringComparison.Ordinal) ? json.Replace(JsonValue.Create(marker).ToJsonString(), value[Raw.Length..], StringComparison.Ordinal) : json;
    }

    private static JsonElement? BodySchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? schema
            : null;

    /// <summary>A plausible value for a schema: every property filled, enums with their first value, dates and ids well formed.</summary>
    private static JsonNode? Sample(JsonElement schema, JsonElement schemas, int depth)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return depth > 6 ? null : Sample(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, depth + 1);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonNode.Parse(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        }

        var type = !schema.TryGetProperty("type", out var t) ? "object"
            : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null")!
            : t.GetString()!;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (type, format) switch
        {
            ("string", "date") => "2026-06-01",
            ("string", "date-time") => "2026-06-01T00:00:00Z",
            ("string", "uuid") => DemoIds.For("donor", "norway").ToString(),
            ("string", _) => "sample",
            ("integer", _) => 1,
            ("number", _) => 1m,
            ("boolean", _) => false,
            ("array", _) => schema.TryGetProperty("items", out var items) && Sample(items, schemas, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
            _ => new JsonObject((schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject() : Enumerable.Empty<JsonProperty>())
                .Select(p => KeyValuePair.Create(p.Name, Sample(p.Value, schemas, depth + 1)))),
        };
    }

    private static string Show(string value) =>
        value.Length > 40 ? $"<{value.Length} characters>" : string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
