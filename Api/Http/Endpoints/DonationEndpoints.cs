using FundManager.Api.Payments;
using FundManager.Common;
using FundManager.Donations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Online giving: a gift opens a Stripe Checkout; Stripe's webhook reports what was paid, refunded or disputed.</summary>
public static class DonationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var donations = api.MapGroup("/donations").WithTags("Online giving");
        donations.MapGet("/settings", Settings)
            .WithDescription("Whether online giving is on, and the publishable key a page gives Stripe.js.")
            .AllowAnonymous();
        donations.MapPost("/", GiveAsync)
            .WithDescription("Opens a Stripe Checkout for a gift to a fund (one-off: payment mode; Monthly: subscription mode), optionally earmarked; answers the gift with the checkout's URL to send the giver to. Anyone may give; a donor signed in gives as themselves, as its Stripe customer, and may name its own open pledge. The same Idempotency-Key opens one checkout. 503 when online giving is not configured.")
            .AllowAnonymous()
            .Refuses([.. CommandRefusals.Amounts, BusinessRule.EntityNotFound, BusinessRule.InvalidFundCode, BusinessRule.NoExchangeRate, BusinessRule.EarmarkTargetUnknown, BusinessRule.ReceiptExceedsOutstanding, BusinessRule.OnlineGivingOff]);
        donations.MapGet("/{id:guid}", GetAsync)
            .WithDescription("A gift: its checkout's status (Pending, Completed, Expired), its donor, and each payment with its pledge, Stripe's fee, what was refunded and its dispute.")
            .RequireAuthorization();
        api.MapPost("/webhooks/stripe", ReceiveStripeEventAsync)
            .WithTags("Online giving")
            .WithDescription("Stripe's webhook. The Stripe-Signature header is verified before anything is read (tolerance 300 s); then checkout.session.completed and .expired, payment_intent.succeeded, invoice.paid, charge.refunded, charge.dispute.created and .closed are processed, each event once (a redelivery answers 200 and changes nothing). Refused, with a record of the delivery and nothing posted: a signature that does not match (forged, or another secret), a stale timestamp, a signed request sent again (409), an unknown event type, malformed JSON, a payment whose amount or currency differs from its gift's (422).")
            .AllowAnonymous()
            .Refuses(BusinessRule.PaymentDiffersFromGift, BusinessRule.OnlineGivingOff)
            .WithMetadata(new ProblemResponses.AlsoAnswers(StatusCodes.Status409Conflict));
        api.MapGet("/webhooks/stripe/deliveries", DeliveriesAsync)
            .WithTags("Online giving")
            .WithDescription("The last deliveries to the Stripe webhook, newest first: event, status answered, outcome (processed, redelivered, refused, failed) and why.")
            .RequireAuthorization(Policies.Audit);
    }

    public static Ok<DonationSettingsView> Settings(StripeGateway stripe) =>
        TypedResults.Ok(new DonationSettingsView(stripe.Settings.IsEnabled, stripe.Settings.IsEnabled ? stripe.Settings.PublishableKey : null));

    public static async Task<Created<DonationView>> GiveAsync(DonationRequest body, HttpContext http, OnlineCheckout checkout, CancellationToken ct)
    {
        var terms = new DonationTerms(body.Fund, body.Amount, body.Currency, body.Frequency, body.Earmark, body.EarmarkTarget, body.Pledge);
        if (body.Pledge is not null && http.OwnDonor() is null)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "Only a donor signed in can name a pledge its gift pays.", "pledge");
        }

        var caller = http.User.Identity?.IsAuthenticated == true ? http.User().Value : "anonymous";
        var gift = await checkout.OpenAsync(terms, http.OwnDonor(), http.CommandIdFor(caller), ct);
        return TypedResults.Created($"/api/v1/donations/{gift.Id}", DonationView.Of(gift));
    }

    public static async Task<Ok<DonationView>> GetAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var gift = await grains.GetGrain<IDonationGrain>(id).FindAsync();
        return gift is not null && (http.SeesAllDonors() || (gift.Donor is { } donor && donor == http.OwnDonor()))
            ? TypedResults.Ok(DonationView.Of(gift))
            : throw Responses.NotFound();
    }

    /// <summary>The webhook answers as Stripe expects (200 for an event taken or seen before); its refusals are problems.</summary>
    public static Task<IResult> ReceiveStripeEventAsync(HttpRequest request, StripeWebhook webhook, CancellationToken ct) => webhook.ReceiveAsync(request, ct);

    public static async Task<Ok<IReadOnlyList<WebhookDelivery>>> DeliveriesAsync(int? limit, WebhookLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.RecentAsync(Paging.Limit(limit), ct));
}

/// <summary>Whether online giving is on, and the publishable key a page gives Stripe.js.</summary>
public sealed record DonationSettingsView(bool Enabled, string? PublishableKey);
