using System.Globalization;

namespace FundManager.Reference;

/// <summary>The active ISO 4217 currencies of <c>config/reference/currencies.csv</c>.</summary>
public sealed class CurrencyCatalog
{
    private readonly Dictionary<string, CurrencyInfo> _byCode;

    private CurrencyCatalog(IEnumerable<CurrencyInfo> currencies) => _byCode = currencies.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static CurrencyCatalog Default { get; } = new(
        ReferenceFile.Csv("currencies.csv").Select(r => new CurrencyInfo(r["code"], int.Parse(r["minor_units"], CultureInfo.InvariantCulture), r["name"])));

    public IReadOnlyCollection<CurrencyInfo> All => _byCode.Values;

    /// <summary>The currency with this upper-case code, or null.</summary>
    public CurrencyInfo? Find(string code) => _byCode.GetValueOrDefault(code);
}
