using Stripe;

namespace FundManager.Api.Payments;

/// <summary>What Checkout collected of a giver: name, email and country (ISO 3166 alpha-2, as Stripe gives it).</summary>
public sealed record GiverDetails(string? Name, string? Email, string? Country)
{
    public static GiverDetails Of(Customer customer) => new(customer.Name, customer.Email, customer.Address?.Country);

    public static GiverDetails? Of(Stripe.Checkout.SessionCustomerDetails? details) =>
        details is null ? null : new(details.Name, details.Email, details.Address?.Country);
}
