namespace FundManager.Pledges;

/// <summary>A USD amount booked, relieved or reversed on one instalment's receivable.</summary>
public sealed record InstalmentValue(int Number, Money Usd);
