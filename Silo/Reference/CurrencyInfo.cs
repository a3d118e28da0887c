namespace FundManager.Reference;

/// <summary>An active ISO 4217 currency: code, digits of the minor unit and name.</summary>
public sealed record CurrencyInfo(string Code, int MinorUnits, string Name);
