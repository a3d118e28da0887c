using Stripe;

namespace FundManager.Api.Payments;

/// <summary>
/// FundManager's way to Stripe: the settings and one client (pointed at <see cref="StripeSettings.ApiBase"/> when
/// configured, as the tests' fake of Stripe is), and the few objects the webhook reads back.
/// </summary>
public sealed class StripeGateway
{
    private readonly Lazy<StripeClient> _client;

    public StripeGateway(StripeSettings settings)
    {
        Settings = settings;
        _client = new(() => new StripeClient(apiKey: settings.SecretKey, apiBase: string.IsNullOrWhiteSpace(settings.ApiBase) ? null : settings.ApiBase.TrimEnd('/')));
    }

    public StripeSettings Settings { get; }

    /// <summary>The client, or the refusal that online giving is off.</summary>
    public IStripeClient Client => Settings.IsEnabled ? _client.Value : throw StripeSettings.Off();

    public Task<PaymentIntent> PaymentIntentAsync(string id, CancellationToken ct) => new PaymentIntentService(Client).GetAsync(id, cancellationToken: ct);

    /// <summary>A charge with its balance transaction, which says what Stripe kept as its fee.</summary>
    public Task<Charge> ChargeAsync(string id, CancellationToken ct) =>
        new ChargeService(Client).GetAsync(id, new ChargeGetOptions { Expand = ["balance_transaction"] }, cancellationToken: ct);

    public Task<Customer> CustomerAsync(string id, CancellationToken ct) => new CustomerService(Client).GetAsync(id, cancellationToken: ct);
}
