using FundManager.Funds;

namespace FundManager.Ledger;

/// <summary>
/// The outcome of re-verifying a ledger: intact, with each fund's chain head as verified (all read in one snapshot), or
/// the first broken entry and why.
/// </summary>
public sealed record VerificationResult(bool Intact, long EntriesChecked, FundCode? BrokenFund, long? BrokenSequence, string? Problem, IReadOnlyList<LedgerHead> Heads)
{
    public static VerificationResult Ok(long checkedCount, IReadOnlyList<LedgerHead> heads) => new(true, checkedCount, null, null, null, heads);

    public static VerificationResult Broken(long checkedCount, FundCode fund, long sequence, string problem) => new(false, checkedCount, fund, sequence, problem, []);

    public override string ToString() =>
        Intact ? "intact" : $"broken: fund {BrokenFund} entry {BrokenSequence}: {Problem}";
}
