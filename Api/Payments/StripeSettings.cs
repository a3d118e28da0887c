using FundManager.Common;

namespace FundManager.Api.Payments;

/// <summary>
/// Online giving's configuration (<c>FundManager:Stripe:*</c>): the secret and publishable keys, the webhook's signing
/// secret, and optionally the API's address (a test's own fake of Stripe) and where Checkout sends the giver back. Without
/// all three keys online giving is off, and says so.
/// </summary>
public sealed record StripeSettings(string? SecretKey, string? PublishableKey, string? WebhookSecret, string? ApiBase = null, string? SuccessUrl = null, string? CancelUrl = null)
{
    public const string Section = "FundManager:Stripe";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(PublishableKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    public static StripeSettings From(IConfiguration configuration) => new(
        configuration[$"{Section}:SecretKey"],
        configuration[$"{Section}:PublishableKey"],
        configuration[$"{Section}:WebhookSecret"],
        configuration[$"{Section}:ApiBase"],
        configuration[$"{Section}:SuccessUrl"],
        configuration[$"{Section}:CancelUrl"]);

    /// <summary>The refusal of anything online giving does while it is off.</summary>
    public static RuleViolation Off() =>
        RuleViolation.Of(
            BusinessRule.OnlineGivingOff,
            $"Online giving is off: {Section}:SecretKey, {Section}:PublishableKey and {Section}:WebhookSecret are not all configured.",
            null);
}
