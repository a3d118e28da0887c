using System.Text;
using System.Text.Json;
using FundManager.Common;
using Stripe;

namespace FundManager.Api.Payments;

/// <summary>
/// Receives Stripe's webhook deliveries. The signature is verified before anything is parsed (Stripe.net's
/// <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>, tolerance 300 s, against this
/// program's clock); then a signed request seen before is a replay (refused), an event processed before is a
/// redelivery (200, nothing changes), a type FundManager does not handle is refused, and the rest is processed (see
/// <see cref="StripeEvents"/>). Every delivery leaves a record with its outcome and reason.
/// </summary>
public sealed class StripeWebhook(StripeGateway stripe, StripeEvents events, WebhookLog log, TimeProvider clock)
{
    public const long ToleranceSeconds = 300;

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken ct)
    {
        // A delivery's audit record is its row in webhook_deliveries, written whatever the outcome.
        Http.AuditTrail.Written(request.HttpContext);
        if (!stripe.Settings.IsEnabled)
        {
            return await RefuseAsync(null, null, StripeSettings.Off(), StatusCodes.Status503ServiceUnavailable);
        }

        string body;
        using (var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                body = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                return await RefuseAsync(null, null, Input("The body is not UTF-8 text.", "body"));
            }
        }

        var header = request.Headers["Stripe-Signature"].ToString();
        if (header.Length == 0)
        {
            return await RefuseAsync(null, null, Input("There is no Stripe-Signature header.", "Stripe-Signature"));
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(body, header, stripe.Settings.WebhookSecret, ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e) when (e.Message.Contains("tolerance", StringComparison.Ordinal))
        {
            return await RefuseAsync(null, null, Input($"The signature's timestamp is more than {ToleranceSeconds} s away from now: a stale or replayed request.", "Stripe-Signature"));
        }
        catch (Exception e) when (e is StripeException or FormatException or OverflowException or ArgumentException)
        {
            return await RefuseAsync(null, null, Input("The Stripe-Signature does not match the body under this endpoint's secret.", "Stripe-Signature"));
        }
        catch (JsonException)
        {
            return await RefuseAsync(null, null, Input("The body is signed but is not a Stripe event (malformed JSON).", "body"));
        }

        var (id, type) = (stripeEvent.Id, stripeEvent.Type);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
        {
            return await RefuseAsync(id, type, Input("The event has no id or no type.", "body"));
        }

        var (fresh, processedBefore) = await log.AdmitAsync(header, id, ct);
        if (!fresh)
        {
            return await RefuseAsync(id, type, RuleViolation.Of(BusinessRule.InvalidInput, "This signed request was received before: a replay.", "Stripe-Signature"), StatusCodes.Status409Conflict);
        }

        if (processedBefore)
        {
            await log.RecordAsync(id, type, StatusCodes.Status200OK, "redelivered", "processed before: nothing changes");
            return Results.Ok(new { received = true, redelivered = true });
        }

        if (!StripeEvents.Handled.Contains(type))
        {
            return await RefuseAsync(id, type, Input($"FundManager does not handle {type} events.", "type"));
        }

        string outcome;
        try
        {
            outcome = await events.ProcessAsync(stripeEvent, ct);
        }
        catch (RuleViolation refused)
        {
            return await RefuseAsync(id, type, refused);
        }
        catch (PaymentNotYetRecordedException waiting)
        {
            await log.RecordAsync(id, type, StatusCodes.Status503ServiceUnavailable, "failed", waiting.Message + " Stripe will deliver it again.");
            return Results.Problem(waiting.Message + " Deliver it again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Ours, not the caller's (the database or Stripe unreachable): recorded, answered 500, and Stripe delivers it again.
            await log.RecordAsync(id, type, StatusCodes.Status500InternalServerError, "failed", $"processing failed ({e.GetType().Name}); nothing of it is lost: each step is recorded once.");
            throw;
        }

        await log.ProcessedAsync(id, type, outcome, ct);
        return Results.Ok(new { received = true });
    }

    private async Task<IResult> RefuseAsync(string? id, string? type, RuleViolation why, int? status = null)
    {
        var code = status ?? Http.Problems.StatusOf(why.Rule);
        await log.RecordAsync(id, type, code, "refused", why.Message);
        return Http.Problems.From(why, code);
    }

    private static RuleViolation Input(string message, string field) => RuleViolation.Of(BusinessRule.InvalidInput, message, field);
}
