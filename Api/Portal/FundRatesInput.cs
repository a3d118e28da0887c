namespace FundManager.Api.Portal;

/// <summary>An administrator's change of a fund's PSC and operating-reserve rates, as fractions (0.13 is 13 %).</summary>
public sealed class FundRatesInput
{
    public string Key { get; set; } = "";

    public string? Fund { get; set; }

    public decimal? PscRate { get; set; }

    public decimal? ReserveRate { get; set; }
}
