namespace FundManager.Cluster;

/// <summary>
/// The service key of the clock commands are recorded by (the domain's injected clock). It is kept apart from the clock
/// Orleans runs its own timers and time-outs on: a test sets the first to a day of its choosing and must never stop the second.
/// </summary>
public static class BusinessClock
{
    public const string Key = "FundManager.BusinessClock";
}
