namespace FundManager.Api.Portal;

/// <summary>The UN Treasury's table of rates, pasted into the funds page.</summary>
public sealed class RateTableInput
{
    public string? Table { get; set; }
}
