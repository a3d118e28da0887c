namespace FundManager.Reminders;

/// <summary>
/// When each fund's reminders run (configuration <c>FundManager:Reminders</c>): every <see cref="Period"/> (a day),
/// first at <see cref="FirstRunUtc"/> of the day after the reminder is registered. Tests run them every few seconds.
/// </summary>
public sealed class ReminderSchedule
{
    public const string Section = "FundManager:Reminders";

    public TimeSpan Period { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The time of day (UTC) of the first run; null runs the first time one period after registration.</summary>
    public TimeOnly? FirstRunUtc { get; set; } = new(2, 0);

    /// <summary>How long from <paramref name="now"/> until the first run.</summary>
    public TimeSpan DueFrom(DateTimeOffset now)
    {
        if (FirstRunUtc is not { } at)
        {
            return Period;
        }

        var next = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
        return (next > now ? next : next.AddDays(1)) - now;
    }
}
