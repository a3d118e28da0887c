using FundManager.Finance;

namespace FundManager.Api.Imports;

/// <summary>A rate read from a line of an imported table.</summary>
public sealed record RateLine(int Line, ExchangeRate Rate);
