using FundManager.Funds;

namespace FundManager.Ledger;

/// <summary>The outcome of re-verifying a ledger: intact, or the first broken entry and why.</summary>
public sealed record VerificationResult(bool Intact, long EntriesChecked, FundCode? BrokenFund, long? BrokenSequence, string? Problem)
{
    public static VerificationResult Ok(long checkedCount) => new(true, checkedCount, null, null, null);

    public static VerificationResult Broken(long checkedCount, FundCode fund, long sequence, string problem) => new(false, checkedCount, fund, sequence, problem);

    public override string ToString() =>
        Intact ? "intact" : $"broken: fund {BrokenFund} entry {BrokenSequence}: {Problem}";
}
