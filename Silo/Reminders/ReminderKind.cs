namespace FundManager.Reminders;

/// <summary>What a reminder is about.</summary>
public enum ReminderKind
{
    /// <summary>A signed instalment due within the next 30 days, or overdue, with money outstanding.</summary>
    Instalment,

    /// <summary>A planned tranche of an approved grant not yet prepared for payment although its date has come.</summary>
    Tranche,

    /// <summary>A progress report on a paid tranche due within 30 days, or overdue (see <see cref="ReminderScan.ReportDueOn"/>).</summary>
    ProgressReport,

    /// <summary>No operational rate of the month for a currency the fund's open pledges are in.</summary>
    ExchangeRate,
}
