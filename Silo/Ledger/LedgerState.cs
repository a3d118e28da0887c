using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;

namespace FundManager.Ledger;

/// <summary>
/// A fund's ledger as its grain holds it: the chain head and every account's balance (debit − credit). Postings are
/// numbered and chained against it, and the fund-level checks read their position from it.
/// </summary>
public sealed class LedgerState
{
    private readonly Dictionary<Account, decimal> _balances;

    public LedgerState(long sequence, byte[] hash, IReadOnlyDictionary<Account, decimal> balances)
    {
        Sequence = sequence;
        Hash = hash;
        _balances = new Dictionary<Account, decimal>(balances);
    }

    /// <summary>The ledger of a fund with no entry yet.</summary>
    public static LedgerState Empty => new(0, JournalHash.Genesis, new Dictionary<Account, decimal>());

    /// <summary>The sequence of the last entry (0 before the first).</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of the last entry (32 zero bytes before the first).</summary>
    public byte[] Hash { get; private set; }

    public decimal BalanceOf(Account account) => _balances.GetValueOrDefault(account);

    public LedgerState Copy() => new(Sequence, Hash, _balances);

    /// <summary>The balances a commitment or payment is decided on.</summary>
    public FundPosition Position(decimal reserveRate) =>
        new(Money.Usd(BalanceOf(Account.Cash)), Money.Usd(-BalanceOf(Account.PscPayable)), Money.Usd(BalanceOf(Account.OpenCommitments)), reserveRate);

    /// <summary>Numbers and chains a command's postings after the head, and moves the head and balances past them.</summary>
    public IReadOnlyList<JournalEntry> Chain(FundCode fund, CommandRecord command, IReadOnlyList<PostingDraft> postings)
    {
        var entries = new List<JournalEntry>(postings.Count);
        foreach (var posting in postings)
        {
            var draft = posting.Entry;
            var unhashed = new JournalEntry(
                fund, Sequence + 1, draft.Date, draft.Description, posting.SourceStream, posting.SourceVersion, posting.SourceEvent,
                command.Id.Value, command.Actor.Value, command.At, Hash, [], draft.Lines);
            var hash = JournalHash.Compute(Hash, unhashed);
            entries.Add(unhashed with { Hash = hash });
            Sequence = unhashed.Sequence;
            Hash = hash;
            foreach (var line in draft.Lines)
            {
                _balances[line.Account] = BalanceOf(line.Account) + line.Debit - line.Credit;
            }
        }

        return entries;
    }
}
