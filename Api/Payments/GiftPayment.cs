using FundManager.Finance;

namespace FundManager.Api.Payments;

/// <summary>One payment of a gift as Stripe reports it: the payment intent's id, the gross amount, the day, and its charge (which carries the fee).</summary>
public sealed record GiftPayment(string Id, Money Amount, DateOnly ReceivedOn, string? Charge);
