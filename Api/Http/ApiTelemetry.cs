using FundManager.Api.Http.Endpoints;
using FundManager.Cluster;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FundManager.Api.Http;

/// <summary>
/// The program's telemetry through OpenTelemetry. Metrics (HTTP requests, commands by outcome and refusing rule with
/// their latency, PostgreSQL's connections and commands, Orleans' grain calls) are served to admins in Prometheus' format
/// at <c>/metrics</c>. When a collector is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), traces (requests, commands,
/// grain calls, PostgreSQL statements) and metrics also go to it over OTLP.
/// </summary>
public static class ApiTelemetry
{
    public const string MetricsPath = "/metrics";
    public const string CollectorKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string Npgsql = "Npgsql";
    private const string Orleans = "Microsoft.Orleans";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("fundmanager"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(CommandTelemetry.Name, Npgsql, Orleans)
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrEmpty(configuration[CollectorKey]))
        {
            // Spans are made only for a collector to receive them.
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource(CommandTelemetry.Name, Npgsql, Orleans + ".Runtime", Orleans + ".Application"))
                .UseOtlpExporter();
        }
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
}
