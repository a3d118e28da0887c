using FundManager.Funds;

namespace FundManager.Persistence;

/// <summary>
/// Everything one command writes, decided in memory by its entity's grain and written in one transaction: by its fund's
/// grain when its entity belongs to a fund, in a group with the fund's other writes of the moment; else by the silo's
/// store, in a group with the silo's other such writes.
/// </summary>
/// <param name="Command">The command log's row (and audit record).</param>
/// <param name="Stream">The events appended to the command's entity, if any.</param>
/// <param name="Postings">The journal entries the events post, in order.</param>
/// <param name="ReceiptReferences">Bank or processor references claimed (unique across all pledges).</param>
/// <param name="Checks">Fund-level checks the fund's grain applies to its balances when it writes the postings.</param>
/// <param name="Fund">The fund the entity belongs to, which the postings and checks concern.</param>
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
    /// <summary>
    /// True when the fund's grain writes it: its entity belongs to a fund. A fund's entities' commands share its group
    /// commit whether they post or not, so the writers of one fund share one flush instead of two.
    /// </summary>
    public bool NeedsFund => Fund is not null;
}
