using Microsoft.Extensions.Logging.Console;

namespace FundManager.Api.Cluster;

/// <summary>
/// Logging for the program's processes: everything on standard error (standard output carries what a verb prints),
/// warnings and worse from Orleans and ASP.NET Core, information from FundManager.
/// </summary>
public static class ProgramLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("FundManager", LogLevel.Information);

        // Orleans advises server GC at every start; FundManager keeps the workstation collector, whose memory the
        // reports' limits are measured with.
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);

        // The watchdog's first check can run before it has taken its first time, and then reports a stall as long as
        // the machine has been up.
        logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
    }
}
