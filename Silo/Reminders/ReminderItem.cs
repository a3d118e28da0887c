using FundManager.Funds;

namespace FundManager.Reminders;

/// <summary>
/// Something in a fund that needs attention by a date. Its id says what it is about (for example
/// <c>VFTC:instalment:3f2a…:2</c>), so a condition found again is the same item, never a second one.
/// </summary>
/// <param name="Id">Fund, kind, subject and number: stable for as long as the condition lasts.</param>
/// <param name="Fund">The fund.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Subject">The entity concerned (its stream: <c>pledge/…</c>, <c>grant/…</c>), or the currency.</param>
/// <param name="Donor">The donor of a pledge's instalment, so that the donor sees it too; null otherwise.</param>
/// <param name="DueOn">When it is (or was) due.</param>
/// <param name="Description">What needs doing, for people.</param>
/// <param name="Status">Open, or acknowledged.</param>
/// <param name="AcknowledgedBy">Who acknowledged it.</param>
/// <param name="AcknowledgedAt">When it was acknowledged (UTC).</param>
public sealed record ReminderItem(
    string Id,
    FundCode Fund,
    ReminderKind Kind,
    string Subject,
    Guid? Donor,
    DateOnly DueOn,
    string Description,
    ReminderStatus Status = ReminderStatus.Open,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null)
{
    /// <summary>Past due on <paramref name="today"/>.</summary>
    public bool IsOverdueOn(DateOnly today) => DueOn < today;
}
