using FundManager.Pledges;

namespace FundManager.Api.Portal;

/// <summary>The receipt form of a pledge's page: previewed first (the rate and USD value), then recorded.</summary>
public sealed class ReceiptInput
{
    public const string Preview = "preview";
    public const string Record = "record";

    public string Key { get; set; } = "";

    public string? Reference { get; set; }

    public ReceiptChannel Channel { get; set; } = ReceiptChannel.BankTransfer;

    public DateOnly? ReceivedOn { get; set; }

    public decimal? Amount { get; set; }

    /// <summary>Which button sent the form: <see cref="Preview"/> or <see cref="Record"/>.</summary>
    public string? Step { get; set; }
}
