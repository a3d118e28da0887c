using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FundManager.Api.Tests.Infrastructure;

/// <summary>
/// Signs a webhook body as Stripe does: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where v1 is the
/// lowercase hex HMAC-SHA256, keyed with the UTF-8 bytes of the whole endpoint secret, of <c>&lt;t&gt;.&lt;raw body&gt;</c>.
/// </summary>
public static class StripeSignature
{
    public static string Sign(string body, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
