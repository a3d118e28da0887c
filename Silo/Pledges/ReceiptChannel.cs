namespace FundManager.Pledges;

/// <summary>How money reached the fund.</summary>
public enum ReceiptChannel
{
    BankTransfer,
    CardOnline,
    Other,
}
