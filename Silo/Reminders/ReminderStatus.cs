namespace FundManager.Reminders;

/// <summary>A reminder is open until someone in the secretariat acknowledges it.</summary>
public enum ReminderStatus
{
    Open,
    Acknowledged,
}
