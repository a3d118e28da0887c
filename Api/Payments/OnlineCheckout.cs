using FundManager.Common;
using FundManager.Donations;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Pledges;
using Stripe;
using Stripe.Checkout;

namespace FundManager.Api.Payments;

/// <summary>
/// Opens a Stripe Checkout for an online gift: one-off (payment mode) or monthly (subscription mode), to a fund,
/// optionally earmarked, or paying the signed-in donor's own pledge. Everything is checked before Stripe is asked, so a
/// gift paid can always be received: the fund exists, the amount fits the currency, the UN rate of the day exists, the
/// earmark is well formed, the pledge is the donor's, signed, open, in the gift's currency. The gift's id comes from the
/// request's command id, so the same Idempotency-Key opens one checkout.
/// </summary>
public sealed class OnlineCheckout(FundSystem system, IGrainFactory grains, StripeGateway stripe, TimeProvider clock)
{
    public async Task<Donation> OpenAsync(DonationTerms asked, Guid? signedInDonor, CommandId command, CancellationToken ct)
    {
        var client = stripe.Client;
        var terms = await CheckAsync(asked with { Donor = signedInDonor }, ct);
        var id = command.Derive("donation");
        var grain = grains.GetGrain<IDonationGrain>(id);
        if (await grain.FindAsync() is { } opened)
        {
            return opened;
        }

        var customer = terms.Donor is { } donor ? await CustomerOfAsync(client, donor, ct) : null;
        var gift = new Money(terms.Amount, CurrencyCode.Parse(terms.Currency));
        var fund = FundCode.Parse(terms.Fund);
        var metadata = new Dictionary<string, string> { ["donation"] = id.ToString(), ["fund"] = fund.Value };
        var monthly = terms.Frequency == DonationFrequency.Monthly;
        var options = new SessionCreateOptions
        {
            Mode = monthly ? "subscription" : "payment",
            ClientReferenceId = id.ToString(),
            Customer = customer,
            CustomerCreation = customer is null && !monthly ? "always" : null,
            BillingAddressCollection = "required",
            Metadata = metadata,
            PaymentIntentData = monthly ? null : new SessionPaymentIntentDataOptions { Metadata = metadata },
            SubscriptionData = monthly ? new SessionSubscriptionDataOptions { Metadata = metadata } : null,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = gift.Currency.Code.ToLowerInvariant(),
                        UnitAmount = StripeAmounts.ToMinor(gift),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"{(monthly ? "Monthly gift" : "Gift")} to {fund}" },
                        Recurring = monthly ? new SessionLineItemPriceDataRecurringOptions { Interval = "month" } : null,
                    },
                },
            ],
            SuccessUrl = stripe.Settings.SuccessUrl ?? "https://fundmanager.invalid/donations/thanks",
            CancelUrl = stripe.Settings.CancelUrl ?? "https://fundmanager.invalid/donations/cancelled",
        };
        var session = await new SessionService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = "donation-" + id }, ct);
        return await grain.OpenAsync(terms, session.Id, session.Url, clock.GetUtcNow());
    }

    private async Task<DonationTerms> CheckAsync(DonationTerms terms, CancellationToken ct)
    {
        var fund = FundCode.Parse(terms.Fund);
        if (!(await system.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(fund), ct)).Exists)
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {fund}.", "fund", ("fund", fund.Value));
        }

        var currency = CurrencyCode.Parse(terms.Currency);
        var gift = Money.Entered(terms.Amount, currency, "amount");
        if (!Enum.IsDefined(terms.Frequency))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "frequency is OneOff or Monthly.", "frequency");
        }

        var earmark = Earmark.Create(terms.Earmark, terms.EarmarkTarget);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        (await system.Rates.InForceAsync(currency, today, ct)).RateOn(currency, today);
        if (terms.Pledge is { } id)
        {
            var pledge = await system.Entities.LoadAsync<Pledge, PledgeEvent>(StreamId.For(new PledgeId(id)), ct);
            if (!pledge.Exists || pledge.Donor.Value != terms.Donor)
            {
                throw RuleViolation.Of(BusinessRule.EntityNotFound, "There is no such pledge of yours: a gift pays a pledge of the donor signed in.", "pledge");
            }

            if (!pledge.IsSigned || pledge.IsClosed || pledge.Currency != currency || gift > pledge.Outstanding)
            {
                throw RuleViolation.Of(
                    BusinessRule.ReceiptExceedsOutstanding,
                    $"The pledge takes gifts in {pledge.Currency} up to the {pledge.Outstanding} outstanding, once signed and while open.",
                    "pledge");
            }
        }

        return terms with { Currency = currency.Code, Fund = fund.Value, Earmark = earmark.Kind, EarmarkTarget = earmark.Target };
    }

    // A donor signed in gives as its Stripe customer, created (and linked to the donor) the first time.
    private async Task<string> CustomerOfAsync(IStripeClient client, Guid donorId, CancellationToken ct)
    {
        var donor = await system.Entities.LoadAsync<Donor, DonorEvent>(StreamId.For(new DonorId(donorId)), ct);
        if (donor.PaymentCustomer is { } known)
        {
            return known;
        }

        var customer = await new CustomerService(client).CreateAsync(
            new CustomerCreateOptions { Name = donor.Name, Email = donor.Email, Metadata = new() { ["donor"] = donorId.ToString() } },
            new RequestOptions { IdempotencyKey = "donor-" + donorId },
            ct);
        await system.Donors.HandleAsync(new LinkPaymentCustomer(donorId, customer.Id), new Persistence.CommandContext(CommandId.Of("stripe/customer/" + customer.Id), UserId.System), ct);
        return customer.Id;
    }
}
