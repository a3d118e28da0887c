using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FundManager.Cluster;

/// <summary>
/// What the program tells about its commands, under the name <c>FundManager</c>: a trace span for each command sent, a
/// count of commands by command, outcome (<c>done</c>, <c>replayed</c>, <c>refused</c>, <c>failed</c>) and the rule
/// that refused one, and their duration. Exported by the host's OpenTelemetry (README, "Telemetry").
/// </summary>
public static class CommandTelemetry
{
    public const string Name = "FundManager";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "fundmanager.commands", "{command}", "Commands sent to their grains, by command, outcome and the rule that refused one.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "fundmanager.command.duration",
        "s",
        "How long a command took, from sending to its result or refusal.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
}
