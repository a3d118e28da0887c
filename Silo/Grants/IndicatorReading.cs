namespace FundManager.Grants;

/// <summary>A value an accepted progress report gave for an indicator, and the end of the period it reported on.</summary>
public sealed record IndicatorReading(decimal Value, DateOnly PeriodEnd);
