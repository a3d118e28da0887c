namespace FundManager.Grants;

/// <summary>The value an indicator reached, as reported.</summary>
public sealed record IndicatorValue(int Indicator, decimal Value);
