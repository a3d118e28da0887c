namespace FundManager.Pledges;

/// <summary>The part of a receipt applied to one instalment, and the receivable's booked USD value it relieves.</summary>
public sealed record ReceiptApplication(int Number, Money Amount, Money RelievedUsd);
