namespace FundManager.Reminders;

/// <summary>
/// A fund's reminders as its reminders grain keeps them (Orleans grain storage): the items found by the last daily run,
/// the business day that run was for, how many runs there have been, and the period the reminder was registered with.
/// </summary>
public sealed class FundReminders
{
    public DateOnly? LastRunOn { get; set; }

    public int Runs { get; set; }

    /// <summary>The period the daily reminder was registered with (it is registered again when the schedule changes).</summary>
    public TimeSpan? Period { get; set; }

    public List<ReminderItem> Items { get; set; } = [];
}
