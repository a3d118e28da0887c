using System.Text.Json;
using System.Text.Json.Serialization;
using FundManager.Common;
using FundManager.Funds;
using FundManager.Finance;
using FundManager.Reference;

namespace FundManager.Persistence.Json;

/// <summary>Writes a value object as a JSON string and reads it back through its own parser.</summary>
internal sealed class StringValueConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        parse(reader.GetString() ?? throw new JsonException($"{typeof(T).Name} cannot be null."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(format(value));
}

/// <summary>Writes <see cref="Money"/> as <c>{"amount": 12.34, "currency": "EUR"}</c>, the amount exact.</summary>
internal sealed class MoneyConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        decimal? amount = null;
        string? currency = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money is an object.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount":
                    amount = reader.GetDecimal();
                    break;
                case "currency":
                    currency = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Money(amount ?? throw new JsonException("Money needs an amount."), CurrencyCode.Parse(currency));
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}

/// <summary>The JSON options of stored events and command results: stable names, exact decimals, enums by name.</summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new MoneyConverter());
        options.Converters.Add(new StringValueConverter<CurrencyCode>(s => CurrencyCode.Parse(s), c => c.Code));
        options.Converters.Add(new StringValueConverter<FundCode>(s => FundCode.Parse(s), f => f.Value));
        options.Converters.Add(new StringValueConverter<CountryCode>(CountryCode.Parse, c => c.ToString()));
        options.Converters.Add(new StringValueConverter<UserId>(s => new UserId(s), u => u.Value));
        options.Converters.Add(new StringValueConverter<DonorId>(s => new DonorId(Guid.Parse(s)), d => d.ToString()));
        options.Converters.Add(new StringValueConverter<PledgeId>(s => new PledgeId(Guid.Parse(s)), d => d.ToString()));
        options.Converters.Add(new StringValueConverter<GrantId>(s => new GrantId(Guid.Parse(s)), d => d.ToString()));
        options.Converters.Add(new StringValueConverter<ReceiptId>(s => new ReceiptId(Guid.Parse(s)), d => d.ToString()));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
