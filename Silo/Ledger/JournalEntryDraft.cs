using FundManager.Common;
using FundManager.Funds;

namespace FundManager.Ledger;

/// <summary>
/// A journal entry decided by a posting rule but not yet numbered, chained or stored.
/// Debits equal credits, or it cannot be built.
/// </summary>
public sealed record JournalEntryDraft
{
    public JournalEntryDraft(FundCode fund, DateOnly date, string description, IReadOnlyList<JournalLine> lines)
    {
        // Zero lines come from rules whose amounts netted out (a zero PSC, for instance).
        var kept = lines.Where(l => l.Debit != 0m || l.Credit != 0m).ToList();
        Preconditions.Require(kept.Count >= 2, nameof(lines), "A journal entry needs at least two lines.");
        var debits = kept.Sum(l => l.Debit);
        var credits = kept.Sum(l => l.Credit);
        if (debits != credits)
        {
            throw new InvalidOperationException($"Unbalanced entry '{description}': debits {debits} != credits {credits}.");
        }

        Fund = fund;
        Date = date;
        Description = description;
        Lines = kept;
    }

    public FundCode Fund { get; }

    public DateOnly Date { get; }

    public string Description { get; }

    public IReadOnlyList<JournalLine> Lines { get; }

    public decimal Total => Lines.Sum(l => l.Debit);

    /// <summary>Builds an entry from lines, or nothing when every amount is zero.</summary>
    public static JournalEntryDraft? IfAny(FundCode fund, DateOnly date, string description, IEnumerable<JournalLine?> lines)
    {
        var list = lines.OfType<JournalLine>().ToList();
        return list.Count(l => l.Debit != 0m || l.Credit != 0m) >= 2 ? new JournalEntryDraft(fund, date, description, list) : null;
    }
}
