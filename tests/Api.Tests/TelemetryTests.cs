namespace FundManager.Api.Tests;

/// <summary>Metrics for admins at /metrics, in Prometheus' format: commands counted by outcome and refusing rule, and timed.</summary>
public sealed class TelemetryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_refused_command_is_counted_by_its_rule_and_the_metrics_are_the_admins_alone()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var before = Count(await admin.GetStringAsync("/metrics"), "ChangeFundRates", "refused");

        var refused = await admin.PostAsJsonAsync("/api/v1/funds/VFTC/rates", new { pscRate = 2.5m, reserveRate = 0.15m });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var rule = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString()!;

        var metrics = await admin.GetStringAsync("/metrics");
        Assert.True(Count(metrics, "ChangeFundRates", "refused", rule) >= 1, metrics);
        Assert.True(Count(metrics, "ChangeFundRates", "refused") > before);
        Assert.Contains("fundmanager_command_duration_seconds_bucket{", metrics, StringComparison.Ordinal);


        var officer = await api.LoginAsync(DemoUsers.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    // The sum of the counter's series for the command and outcome (and rule, when given).
    private static double Count(string metrics, string command, string outcome, string? rule = null) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith("fundmanager_commands_total{", StringComparison.Ordinal)
                && line.Contains($"command=\"{command}\"", StringComparison.Ordinal)
                && line.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal)
                && (rule is null || line.Contains($"rule=\"{rule}\"", StringComparison.Ordinal)))
            .Sum(line => double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
}
