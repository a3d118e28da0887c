namespace FundManager.Api.Payments;

/// <summary>
/// A refund or dispute arrived for a payment whose receipt is not recorded yet (its own event has not come): the webhook
/// answers 503 so that Stripe delivers it again, by which time the payment's event will have been processed.
/// </summary>
public sealed class PaymentNotYetRecordedException(string payment) : Exception($"Payment {payment} has no receipt yet.")
{
    public string Payment { get; } = payment;
}
