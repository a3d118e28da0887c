using FundManager.Common;

namespace FundManager.Pledges;

/// <summary>How much of one instalment of a pledge receipts dated on or before some day had paid, in the pledge's currency.</summary>
public sealed record InstalmentPaid(PledgeId Pledge, int Number, decimal Amount);
