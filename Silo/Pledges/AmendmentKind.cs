namespace FundManager.Pledges;

/// <summary>What an amendment did to a pledge's total.</summary>
public enum AmendmentKind
{
    Increase,
    Decrease,
    Reschedule,
}
