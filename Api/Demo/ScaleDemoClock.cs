namespace FundManager.Api.Demo;

/// <summary>
/// The clock the scale demo records its commands by: the business day each happens on, at noon UTC. Recording times
/// are hashed into the journal, so a clock that follows the simulated days makes the whole ledger, chain head
/// included, the same on every run.
/// </summary>
public sealed class ScaleDemoClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2000, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Set(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
