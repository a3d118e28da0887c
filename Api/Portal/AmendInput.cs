namespace FundManager.Api.Portal;

/// <summary>
/// A pledge's schedule as amended from its page: every instalment's date and amount (shown filled with the current
/// schedule, with room for more), the reason and the day it takes effect.
/// </summary>
public sealed class AmendInput
{
    /// <summary>Empty rows offered after the current instalments, to add instalments.</summary>
    public const int SpareRows = 2;

    public string Key { get; set; } = "";

    /// <summary>The instalment each row amends; empty for a row that adds one.</summary>
    public int?[] Number { get; set; } = [];

    public DateOnly?[] DueOn { get; set; } = [];

    public decimal?[] Amount { get; set; } = [];

    public string? Reason { get; set; }

    public DateOnly? EffectiveOn { get; set; }
}
