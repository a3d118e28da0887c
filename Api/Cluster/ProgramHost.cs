using Microsoft.Extensions.Hosting;

namespace FundManager.Api.Cluster;

/// <summary>
/// The hosts of the program's processes. Their content root is the program's own folder, and their configuration (the
/// environment, then <c>appsettings.json</c> beside the program) is read once: watching it for changes would watch
/// whatever directory the program was started in, and a checkout holds the private database's files, which never stop
/// changing.
/// </summary>
public static class ProgramHost
{
    private const string ReloadOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>A host without HTTP (a silo, a command-line verb's silo or client).</summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new(ReloadOnChangeKey, "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Configuration = configuration });
        ProgramLogging.Configure(builder.Logging);
        return builder;
    }

    /// <summary>A host for the HTTP API (with <c>ConfigureWebHostDefaults</c>).</summary>
    public static IHostBuilder CreateWebHostBuilder() =>
        Host.CreateDefaultBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureHostConfiguration(c => c.AddInMemoryCollection([new(ReloadOnChangeKey, "false")]))
            .ConfigureLogging(ProgramLogging.Configure);
}
