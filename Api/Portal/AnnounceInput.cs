namespace FundManager.Api.Portal;

/// <summary>
/// What a donor types to announce a pledge: the fund, the currency, and up to three instalments. <see cref="Key"/> is
/// the form's own idempotency key, drawn when the form is shown, so submitting it twice announces one pledge.
/// </summary>
public sealed class AnnounceInput
{
    public string? Fund { get; set; }

    public string? Currency { get; set; }

    public DateOnly?[] DueOn { get; set; } = new DateOnly?[3];

    public decimal?[] Amount { get; set; } = new decimal?[3];

    public string Key { get; set; } = "";
}
