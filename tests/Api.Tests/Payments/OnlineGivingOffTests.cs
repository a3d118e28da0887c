namespace FundManager.Api.Tests.Payments;

/// <summary>Without Stripe's keys configured, online giving is off and says so; nothing else is affected.</summary>
public sealed class OnlineGivingOffTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Giving_and_the_webhook_answer_503_naming_the_missing_settings()
    {
        var client = api.CreateClient();
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/v1/donations/settings");
        Assert.False(settings.GetProperty("enabled").GetBoolean());

        var gift = await client.PostAsJsonAsync("/api/v1/donations", new { fund = "VFTC", amount = 10m, currency = "USD" });
        var webhook = await client.PostAsync("/api/v1/webhooks/stripe", new StringContent("{}"));

        foreach (var response in new[] { gift, webhook })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("OnlineGivingOff", problem.GetProperty("rule").GetString());
            Assert.Contains("FundManager:Stripe:SecretKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
