namespace FundManager.Reminders;

/// <summary>
/// A fund's reminders, keyed by fund code: a daily Orleans reminder runs <see cref="ReminderScan"/> on the fund and keeps
/// the items in grain storage. It reads the database and never writes to the ledger.
/// </summary>
public interface IFundRemindersGrain : IGrainWithStringKey
{
    /// <summary>Registers the daily reminder unless it is registered with this schedule already.</summary>
    Task EnsureScheduledAsync();

    /// <summary>Runs the scan for today's business day, unless it has run for it already; returns the items.</summary>
    Task<IReadOnlyList<ReminderItem>> RunAsync();

    Task<IReadOnlyList<ReminderItem>> ItemsAsync();

    /// <summary>Marks an item acknowledged by <paramref name="by"/>; false when the fund has no such item.</summary>
    Task<bool> AcknowledgeAsync(string id, string by);

    /// <summary>The business day of the last run and how many runs there have been.</summary>
    Task<ReminderRuns> RunsAsync();
}
