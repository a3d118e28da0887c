namespace FundManager.Api.Payments;

/// <summary>One delivery to the Stripe webhook: when, which event, the status answered, the outcome and why.</summary>
public sealed record WebhookDelivery(long Position, DateTimeOffset ReceivedAt, string? EventId, string? EventType, int Status, string Outcome, string? Reason);
