using FundManager.Funds;

namespace FundManager.Persistence;

/// <summary>
/// Everything one command writes, decided in memory by its entity's grain and written in one transaction: alone when it
/// posts nothing, else by its fund's grain, in a group with the other postings that reached the fund meanwhile.
/// </summary>
/// <param name="Command">The command log's row (and audit record).</param>
/// <param name="Stream">The events appended to the command's entity, if any.</param>
/// <param name="Postings">The journal entries the events post, in order.</param>
/// <param name="ReceiptReferences">Bank or processor references claimed (unique across all pledges).</param>
/// <param name="Checks">Fund-level checks the fund's grain applies to its balances when it writes the postings.</param>
/// <param name="Fund">The fund the postings and checks concern.</param>
/// <param name="ExpectedFundVersion">The version of the fund the decision read (its rates), when it read any.</param>
[Immutable]
public sealed record CommandWrite(
    CommandRecord Command,
    StreamChange? Stream,
    IReadOnlyList<PostingDraft> Postings,
    IReadOnlyList<string> ReceiptReferences,
    IReadOnlyList<FundCheck> Checks,
    FundCode? Fund,
    long? ExpectedFundVersion)
{
    /// <summary>True when the fund's grain must write it: it posts, claims a receipt reference, or is checked against the fund.</summary>
    public bool NeedsFund => Postings.Count > 0 || Checks.Count > 0 || ReceiptReferences.Count > 0 || ExpectedFundVersion is not null;
}
