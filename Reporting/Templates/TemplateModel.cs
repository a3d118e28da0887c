using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FundManager.Reporting.Templates;

/// <summary>
/// What a template sees: the report's figures as plain data with camelCase names (<c>{{fund.name}}</c>,
/// <c>{{#each contributions}}</c>), numbers as exact decimals, dates as <c>yyyy-MM-dd</c> text, enums by name: the
/// same shape as the API's JSON, so one description (README, "Template model") serves both.
/// </summary>
public static class TemplateModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static object? From(object model) => Convert(JsonSerializer.SerializeToNode(model, model.GetType(), Json));

    private static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => Convert(p.Value)),
        JsonArray a => a.Select(Convert).ToList(),
        JsonValue v when v.TryGetValue<decimal>(out var d) && v.GetValueKind() == JsonValueKind.Number => d,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };
}
