using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Ledger;

/// <summary>
/// One side of a posting: a debit or a credit in USD (exactly one of them non-zero, both
/// at most to the cent), plus the amount in the currency the money actually moved in.
/// </summary>
public sealed record JournalLine
{
    public JournalLine(Account account, decimal debit, decimal credit, Money original, string? memo = null)
    {
        Preconditions.Require(debit >= 0m && credit >= 0m, nameof(debit), "Debit and credit are never negative.");
        // A zero line may be built by a rule whose amount netted out; drafts drop it.
        Preconditions.Require(debit == 0m || credit == 0m, nameof(debit), "A line is either a debit or a credit, not both.");
        Preconditions.Require(decimal.Round(debit, 2) == debit && decimal.Round(credit, 2) == credit, nameof(debit), "Ledger amounts are whole cents.");
        Account = account;
        Debit = debit;
        Credit = credit;
        Original = original;
        Memo = memo;
    }

    public Account Account { get; }

    public decimal Debit { get; }

    public decimal Credit { get; }

    /// <summary>The amount in the currency of the transaction (USD lines repeat the USD amount).</summary>
    public Money Original { get; }

    public string? Memo { get; }

    public static JournalLine Dr(Account account, Money usd, Money? original = null, string? memo = null) =>
        Make(account, usd, original, memo, debitSide: true);

    public static JournalLine Cr(Account account, Money usd, Money? original = null, string? memo = null) =>
        Make(account, usd, original, memo, debitSide: false);

    // A negative amount flips the side, so a posting rule can state "gain" and let a loss fall where it belongs.
    private static JournalLine Make(Account account, Money usd, Money? original, string? memo, bool debitSide)
    {
        Preconditions.Require(usd.Currency == CurrencyCode.Usd, nameof(usd), "The ledger is kept in USD.");
        var flip = usd.IsNegative;
        var magnitude = Math.Abs(usd.Amount);
        var orig = original ?? usd;
        var origSigned = new Money(Math.Abs(orig.Amount), orig.Currency);
        return debitSide != flip
            ? new JournalLine(account, magnitude, 0m, origSigned, memo)
            : new JournalLine(account, 0m, magnitude, origSigned, memo);
    }
}
