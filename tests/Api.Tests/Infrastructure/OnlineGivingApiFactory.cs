namespace FundManager.Api.Tests.Infrastructure;

/// <summary>The API with online giving configured against a <see cref="FakeStripe"/> of the test's own, on loopback.</summary>
public sealed class OnlineGivingApiFactory : ApiFactory
{
    public const string WebhookSecret = "whsec_test_0123456789abcdef";

    public FakeStripe Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    /// <summary>Delivers an event to the webhook signed as Stripe signs it (now, unless told otherwise).</summary>
    public Task<HttpResponseMessage> DeliverAsync(string body, string? secret = null, DateTimeOffset? at = null, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(body, global::System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? StripeSignature.Sign(body, secret ?? WebhookSecret, at ?? DateTimeOffset.UtcNow));
        return CreateClient().SendAsync(request);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings() =>
    [
        new("FundManager:Stripe:SecretKey", "sk_test_fundmanager"),
        new("FundManager:Stripe:PublishableKey", "pk_test_fundmanager"),
        new("FundManager:Stripe:WebhookSecret", WebhookSecret),
        new("FundManager:Stripe:ApiBase", Stripe.ApiBase),
    ];
}
