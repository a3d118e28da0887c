namespace FundManager.Reporting.Utilisation;

/// <summary>One receipt from the donor: when, to which fund and pledge, under which earmark, in its currency and in USD.</summary>
public sealed record StatementReceipt(DateOnly ReceivedOn, string Fund, Guid Pledge, string Reference, string Earmark, string Currency, int MinorUnits, decimal Amount, decimal Usd);
