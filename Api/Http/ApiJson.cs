using System.Text.Json;
using System.Text.Json.Serialization;
using FundManager.Common;

namespace FundManager.Api.Http;

/// <summary>
/// How the API reads and writes JSON: camelCase, enums by name, unknown properties and missing required ones
/// refused (a typo never silently drops a field), nesting bounded.
/// </summary>
public static class ApiJson
{
    public const int MaxDepth = 16;

    public static void Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = MaxDepth;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new UserIdConverter());
    }

    private sealed class UserIdConverter : JsonConverter<UserId>
    {
        public override UserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, UserId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
