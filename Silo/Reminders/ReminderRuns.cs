namespace FundManager.Reminders;

/// <summary>The business day a fund's reminders last ran for, and how many runs there have been.</summary>
public sealed record ReminderRuns(DateOnly? LastRunOn, int Runs);
