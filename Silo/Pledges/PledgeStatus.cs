namespace FundManager.Pledges;

/// <summary>Where a pledge stands. Only signed pledges are binding and recognised as revenue.</summary>
public enum PledgeStatus
{
    Announced,
    Signed,
    PartiallyPaid,
    Paid,
    Cancelled,
    WrittenOff,
}
