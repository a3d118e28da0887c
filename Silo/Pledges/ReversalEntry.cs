using FundManager.Common;
using FundManager.Funds;

namespace FundManager.Pledges;

/// <summary>Money given back of a receipt (see <see cref="ReceiptReversed"/>), with the pledge and fund it was on.</summary>
public sealed record ReversalEntry(PledgeId Pledge, FundCode Fund, ReceiptReversed Reversal);
