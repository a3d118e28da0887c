namespace FundManager.Donations;

/// <summary>
/// One payment of an online gift (Stripe's payment intent), the pledge its receipt is on, the fee the processor kept,
/// what was given back, and its dispute if any.
/// </summary>
public sealed record DonationPayment(
    string Payment,
    Guid Pledge,
    decimal Amount,
    string Currency,
    DateOnly ReceivedOn,
    decimal? Fee = null,
    string? FeeCurrency = null,
    decimal Refunded = 0m,
    string? Dispute = null,
    string? DisputeStatus = null);
