using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Scriban.Runtime;

namespace FundManager.Reporting.Templates;

/// <summary>
/// What a template sees: the report's figures as read-only data with camelCase names (<c>{{ fund.name }}</c>,
/// <c>{{ for c in contributions }}</c>), numbers as exact decimals, dates as <c>yyyy-MM-dd</c> text, enums by name: the
/// same shape as the API's JSON, so one description (README, "Template model") serves both. Nothing of .NET is reachable
/// from it.
/// </summary>
public static class TemplateModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The model as a template sees it; a <see cref="JsonNode"/> (a preview's sample) is taken as it is.</summary>
    public static ScriptObject From(object model) =>
        Convert(model as JsonNode ?? JsonSerializer.SerializeToNode(model, model.GetType(), Json)) as ScriptObject
        ?? throw new ArgumentException("A template's model is an object.", nameof(model));

    /// <summary>The model as JSON, in the shape a template sees it (a preview's sample is saved this way).</summary>
    public static JsonNode? ToJson(object model) => JsonSerializer.SerializeToNode(model, model.GetType(), Json);

    private static object? Convert(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
                var data = new ScriptObject();
                foreach (var (key, value) in o)
                {
                    data.SetValue(key, Convert(value), readOnly: true);
                }

                return data;
            case JsonArray a:
                var items = new ScriptArray(a.Select(Convert));
                items.IsReadOnly = true;
                return items;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d):
                return d;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return v.GetValue<bool>();
            default:
                return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        }
    }
}
