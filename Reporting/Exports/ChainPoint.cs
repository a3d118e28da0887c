namespace FundManager.Reporting.Exports;

/// <summary>An entry of the hash chain by its sequence and hash (lowercase hex): the last entry exported, or the chain head.</summary>
public sealed record ChainPoint(long Sequence, string Hash);
