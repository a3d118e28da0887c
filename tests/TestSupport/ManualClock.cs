namespace FundManager.Tests.Infrastructure;

/// <summary>A clock the test sets; the domain never reads the system clock.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
