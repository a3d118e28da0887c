using FundManager.Funds;

namespace FundManager.Ledger;

/// <summary>
/// The head of a fund's hash chain (<c>ledger_heads</c>): the sequence of its last entry and that entry's hash
/// (32 zero bytes and sequence 0 before the first entry). Every entry up to <see cref="Sequence"/> is committed.
/// </summary>
public sealed record LedgerHead(FundCode Fund, long Sequence, byte[] Hash)
{
    /// <summary>The hash in lowercase hexadecimal, as exports and <c>ledger verify</c> print it.</summary>
    public string HashHex => Convert.ToHexStringLower(Hash);
}
