using System.Threading.RateLimiting;
using FundManager.Api.Cluster;
using FundManager.Api.Http.Endpoints;
using FundManager.Api.Identity;
using FundManager.Reminders;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FundManager.Api.Http;

/// <summary>
/// The HTTP API: services and pipeline. Used by <c>fundmanager serve</c> and by the tests' WebApplicationFactory.
/// </summary>
public sealed class ApiStartup(IConfiguration configuration)
{
    /// <summary>The configuration key of the database connection string (set by <c>serve</c> from its database options).</summary>
    public const string DatabaseKey = "FundManager:Database";

    /// <summary>The configuration key of the report templates' directory (default: <see cref="Reporting.Templates.TemplateLibrary.Default"/>).</summary>
    public const string TemplatesKey = "FundManager:Templates";

    public const long MaxRequestBodyBytes = 1_000_000;

    public void ConfigureServices(IServiceCollection services)
    {
        var connection = configuration[DatabaseKey] ?? throw new InvalidOperationException($"{DatabaseKey} is not configured.");
        var cluster = ClusterSettings.From(configuration);
        var dataSource = FundSystem.CreateDataSource(connection);
        services.AddSingleton(dataSource);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(cluster);
        services.AddSingleton<ServerReadiness>();

        // The database is prepared before Orleans starts, and the silo (or client) before the API serves.
        services.AddHostedService(_ => new DatabasePreparation(dataSource, cluster));
        if (cluster.Client)
        {
            ClusterHosting.AddClient(services, cluster, dataSource);
        }
        else
        {
            ClusterHosting.AddSilo(services, cluster, dataSource, TimeProvider.System, configuration.GetSection(ReminderSchedule.Section).Get<ReminderSchedule>());
        }

        services.AddSingleton(provider => new FundSystem(
            dataSource, provider.GetRequiredService<TimeProvider>(), _ => ValueTask.FromResult(provider.GetRequiredService<IGrainFactory>()), provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton(new Payments.StripeGateway(Payments.StripeSettings.From(configuration)));
        services.AddSingleton(provider => new Donors.DonorDirectory(dataSource));
        services.AddSingleton<Payments.GiftPayments>();
        services.AddSingleton<Payments.StripeEvents>();
        services.AddSingleton<Payments.OnlineCheckout>();
        services.AddSingleton(provider => new Payments.WebhookLog(dataSource, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Payments.StripeWebhook>();
        services.AddSingleton(_ => configuration[TemplatesKey] is { Length: > 0 } templates ? new Reporting.Templates.TemplateLibrary(templates) : Reporting.Templates.TemplateLibrary.Default());
        services.AddSingleton<Templates.TemplateStore>();
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();

        // Unreadable bodies and parameters throw, so the exception handler can say which field and why.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme)
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
            })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, AdminEndpoints.ConfigureCookie)
            .AddCookie(Portal.PortalSignIn.Scheme, Portal.PortalSignIn.ConfigureCookie)
            .AddPolicyScheme(AdminEndpoints.Scheme, "Bearer token or the admin pages' cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? BearerTokenDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddAntiforgery(o => o.Cookie.Path = "/");
        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthEndpoints.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        ApiTelemetry.Add(services, configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSingleton<Portal.Downloads.PreparedDownloads>();
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<OpenApiSecurity>();
            o.AddOperationTransformer<OpenApiProblems>();
        });
    }

    public static void Configure(IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Problems.HandleAsync });
        // A page with nothing to show (a record that does not exist) is answered with the pages' own status page; the
        // API answers problem details.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(
            http => !http.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(Portal.PortalSignIn.AuthenticateAsync);
        app.Use(ActiveUsers.InvokeAsync);
        app.UseAuthorization();
        app.Use((http, next) => http.RequestServices.GetRequiredService<AuditTrail>().InvokeAsync(http, next));
        app.Use(StorableInput.InvokeAsync);
        app.UseAntiforgery();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.SwaggerEndpoint("/openapi/v1.json", "FundManager API v1");
        });
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi().AllowAnonymous();
            ApiTelemetry.Map(endpoints);
            endpoints.MapGet(Portal.PortalStyles.Path, () => Results.Text(Portal.PortalStyles.Css, "text/css")).AllowAnonymous().ExcludeFromDescription();
            Portal.PortalSignIn.Map(endpoints);
            endpoints.MapStaticAssets();
            Portal.Downloads.PreparedDownloads.Map(endpoints);
            endpoints.MapRazorComponents<Portal.App>().AddInteractiveServerRenderMode();
            var api = endpoints.MapGroup("/api/v1").RequireAuthorization();
            ((IEndpointConventionBuilder)api).Finally(ProblemResponses.Declare);
            AuthEndpoints.Map(api);
            FundEndpoints.Map(api);
            DonorEndpoints.Map(api);
            PledgeEndpoints.Map(api);
            GrantEndpoints.Map(api);
            ReferenceEndpoints.Map(api);
            BankStatementEndpoints.Map(api);
            DonationEndpoints.Map(api);
            PublicRepositoryEndpoints.Map(api);
            LedgerEndpoints.Map(api);
            ReportEndpoints.Map(api);
            UserEndpoints.Map(api);
            TemplateEndpoints.Map(api);
            ReminderEndpoints.Map(api);
            OperationsEndpoints.Map(endpoints, api);
            AdminEndpoints.Map(endpoints);
        });
    }
}
