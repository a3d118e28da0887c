using FundManager.Common;
using FundManager.Donations;
using FundManager.Pledges;
using Stripe;
using Stripe.Checkout;

namespace FundManager.Api.Payments;

/// <summary>
/// What each Stripe event FundManager listens to does. Every handler can run twice, or after another that reports the
/// same payment, with the same outcome (see <see cref="GiftPayments"/>); a payment that differs from its gift's amount or
/// currency is refused before anything is recorded.
/// </summary>
public sealed class StripeEvents(IGrainFactory grains, StripeGateway stripe, GiftPayments payments)
{
    // The events that report one payment (a checkout completed, its payment succeeded) usually arrive together: the
    // second to come waits for the first, here, and then finds the payment recorded instead of repeating each step.
    // Striped, so memory stays bounded; two gifts sharing a stripe only take turns. Correctness never rests on it:
    // every step is idempotent, across processes too.
    private readonly SemaphoreSlim[] _gifts = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        EventTypes.CheckoutSessionCompleted,
        EventTypes.CheckoutSessionExpired,
        EventTypes.PaymentIntentSucceeded,
        EventTypes.InvoicePaid,
        EventTypes.ChargeRefunded,
        EventTypes.ChargeDisputeCreated,
        EventTypes.ChargeDisputeClosed,
    };

    /// <summary>Processes <paramref name="stripeEvent"/> (of a type in <see cref="Handled"/>); returns what it did, for the delivery's record.</summary>
    public async Task<string> ProcessAsync(Event stripeEvent, CancellationToken ct)
    {
        var gift = stripeEvent.Data.Object switch
        {
            Session session => session.ClientReferenceId,
            PaymentIntent intent => intent.Metadata?.GetValueOrDefault("donation"),
            Invoice invoice => invoice.Parent?.SubscriptionDetails?.Metadata?.GetValueOrDefault("donation"),
            _ => null,
        };
        var turn = _gifts[((gift ?? "").GetHashCode(StringComparison.Ordinal) & int.MaxValue) % _gifts.Length];
        await turn.WaitAsync(ct);
        try
        {
            return await DispatchAsync(stripeEvent, ct);
        }
        finally
        {
            turn.Release();
        }
    }

    private Task<string> DispatchAsync(Event stripeEvent, CancellationToken ct)
    {
        var on = DateOnly.FromDateTime(stripeEvent.Created.ToUniversalTime());
        return (stripeEvent.Type, stripeEvent.Data.Object) switch
        {
            (EventTypes.CheckoutSessionCompleted, Session session) => SessionCompletedAsync(session, ct),
            (EventTypes.CheckoutSessionExpired, Session session) => SessionExpiredAsync(session),
            (EventTypes.PaymentIntentSucceeded, PaymentIntent intent) => PaymentSucceededAsync(intent, ct),
            (EventTypes.InvoicePaid, Invoice invoice) => InvoicePaidAsync(invoice, ct),
            (EventTypes.ChargeRefunded, Charge charge) => RefundedAsync(charge, on, ct),
            (EventTypes.ChargeDisputeCreated or EventTypes.ChargeDisputeClosed, Dispute dispute) => DisputeAsync(dispute, on, ct),
            _ => throw Refused($"A {stripeEvent.Type} event carries a {stripeEvent.Data.Object?.Object ?? "missing"} object.", "data.object"),
        };
    }

    private async Task<string> SessionCompletedAsync(Session session, CancellationToken ct)
    {
        var gift = await GiftAsync(session.ClientReferenceId ?? session.Metadata?.GetValueOrDefault("donation"), "data.object.client_reference_id");
        if (session.AmountTotal is { } total)
        {
            Check(gift, total, session.Currency, "data.object.amount_total");
        }

        if (gift.Status == DonationStatus.Completed && gift.Payments.Any(p => p.Payment == session.PaymentIntentId))
        {
            return $"gift {gift.Id} completed and its payment received before";
        }

        // A one-off gift is paid when its checkout completes: its payment is checked before anything is recorded.
        var intent = session.Mode == "payment" && session.PaymentIntentId is { } id ? await stripe.PaymentIntentAsync(id, ct) : null;
        if (intent is not null)
        {
            Check(gift, intent.AmountReceived, intent.Currency, "data.object.payment_intent");
        }

        var donor = await payments.DonorOfAsync(gift, session.CustomerId, GiverDetails.Of(session.CustomerDetails), ct);
        if (intent is { Status: "succeeded" })
        {
            await payments.ReceiveAsync(gift, donor, session.CustomerId, null, PaymentOf(intent), ct);
            return $"gift {gift.Id} completed; payment {intent.Id} received";
        }

        await grains.GetGrain<IDonationGrain>(gift.Id).CompleteAsync(donor, session.CustomerId, session.SubscriptionId, null);
        return $"gift {gift.Id} completed";
    }

    private async Task<string> SessionExpiredAsync(Session session)
    {
        var gift = await GiftAsync(session.ClientReferenceId ?? session.Metadata?.GetValueOrDefault("donation"), "data.object.client_reference_id");
        await grains.GetGrain<IDonationGrain>(gift.Id).ExpireAsync();
        return $"gift {gift.Id} expired";
    }

    // A one-off gift's payment carries the gift's id; a monthly gift's payments are received through invoice.paid.
    private async Task<string> PaymentSucceededAsync(PaymentIntent intent, CancellationToken ct)
    {
        if (intent.Metadata?.GetValueOrDefault("donation") is not { } id)
        {
            return $"payment {intent.Id} is not a one-off gift's: nothing to do";
        }

        var gift = await GiftAsync(id, "data.object.metadata.donation");
        Check(gift, intent.AmountReceived, intent.Currency, "data.object.amount_received");
        var donor = await payments.DonorOfAsync(gift, intent.CustomerId, null, ct);
        await payments.ReceiveAsync(gift, donor, intent.CustomerId, null, PaymentOf(intent), ct);
        return $"payment {intent.Id} of gift {gift.Id} received";
    }

    private async Task<string> InvoicePaidAsync(Invoice invoice, CancellationToken ct)
    {
        var subscription = invoice.Parent?.SubscriptionDetails;
        if (subscription?.Metadata?.GetValueOrDefault("donation") is not { } id)
        {
            return $"invoice {invoice.Id} is not a monthly gift's: nothing to do";
        }

        var gift = await GiftAsync(id, "data.object.parent.subscription_details.metadata.donation");
        Check(gift, invoice.AmountPaid, invoice.Currency, "data.object.amount_paid");
        var intent = invoice.Payments?.Data?.Select(p => p.Payment?.PaymentIntentId).FirstOrDefault(p => p is not null)
            ?? throw Refused($"Invoice {invoice.Id} names no payment intent.", "data.object.payments");
        var donor = await payments.DonorOfAsync(gift, invoice.CustomerId, null, ct);
        var paid = invoice.StatusTransitions?.PaidAt ?? invoice.Created;
        var charge = invoice.Payments!.Data!.Select(p => p.Payment?.ChargeId).FirstOrDefault(c => c is not null)
            ?? (await stripe.PaymentIntentAsync(intent, ct)).LatestChargeId;
        var payment = new GiftPayment(intent, StripeAmounts.FromMinor(invoice.AmountPaid, invoice.Currency, "data.object.currency"), DateOnly.FromDateTime(paid.ToUniversalTime()), charge);
        await payments.ReceiveAsync(gift, donor, invoice.CustomerId, subscription.SubscriptionId, payment, ct);
        return $"invoice {invoice.Id} of gift {gift.Id} received as payment {intent}";
    }

    private async Task<string> RefundedAsync(Charge charge, DateOnly on, CancellationToken ct)
    {
        var intent = charge.PaymentIntentId ?? throw Refused($"Charge {charge.Id} names no payment intent.", "data.object.payment_intent");
        var refunded = StripeAmounts.FromMinor(charge.AmountRefunded, charge.Currency, "data.object.currency");
        await payments.ReverseAsync(intent, ReversalKind.Refund, charge.Id, on, refunded.Amount, ct);
        await NoteOnGiftAsync(intent, p => p with { Refunded = Math.Max(p.Refunded, refunded.Amount) }, ct);
        return $"{refunded} of payment {intent} refunded in all";
    }

    // A dispute opened is noted on the gift; its money is reversed only when it is lost.
    private async Task<string> DisputeAsync(Dispute dispute, DateOnly on, CancellationToken ct)
    {
        var intent = dispute.PaymentIntentId ?? throw Refused($"Dispute {dispute.Id} names no payment intent.", "data.object.payment_intent");
        if (dispute.Status == "lost")
        {
            var amount = StripeAmounts.FromMinor(dispute.Amount, dispute.Currency, "data.object.currency");
            await payments.ReverseAsync(intent, ReversalKind.LostDispute, dispute.Id, on, amount.Amount, ct);
        }

        await NoteOnGiftAsync(intent, p => p with { Dispute = dispute.Id, DisputeStatus = dispute.Status }, ct);
        return $"dispute {dispute.Id} on payment {intent}: {dispute.Status}";
    }

    private async Task NoteOnGiftAsync(string intent, Func<DonationPayment, DonationPayment> change, CancellationToken ct)
    {
        if ((await stripe.PaymentIntentAsync(intent, ct)).Metadata?.GetValueOrDefault("donation") is { } id
            && Guid.TryParse(id, out var gift)
            && await grains.GetGrain<IDonationGrain>(gift).FindAsync() is { } found
            && found.Payments.FirstOrDefault(p => p.Payment == intent) is { } payment)
        {
            await grains.GetGrain<IDonationGrain>(gift).RecordPaymentAsync(change(payment));
        }
    }

    private async Task<Donation> GiftAsync(string? id, string field) =>
        Guid.TryParse(id, out var gift) && await grains.GetGrain<IDonationGrain>(gift).FindAsync() is { } found
            ? found
            : throw Refused($"'{id}' is no gift opened by FundManager.", field);

    private static void Check(Donation gift, long minor, string? currency, string field)
    {
        var paid = StripeAmounts.FromMinor(minor, currency, field);
        var asked = new Finance.Money(gift.Terms!.Amount, Finance.CurrencyCode.Parse(gift.Terms.Currency));
        if (paid != asked)
        {
            throw RuleViolation.Of(BusinessRule.PaymentDiffersFromGift, $"The payment is {paid}; gift {gift.Id} is {asked}. Nothing was recorded.", field);
        }
    }

    private static GiftPayment PaymentOf(PaymentIntent intent) =>
        new(intent.Id, StripeAmounts.FromMinor(intent.AmountReceived, intent.Currency, "data.object.currency"), DateOnly.FromDateTime(intent.Created.ToUniversalTime()), intent.LatestChargeId);

    private static RuleViolation Refused(string message, string field) => RuleViolation.Of(BusinessRule.InvalidInput, message, field);
}
