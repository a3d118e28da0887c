using FundManager.Finance;

namespace FundManager.Pledges;

/// <summary>
/// One instalment of a pledge: what is due and when, what has been paid against it, and
/// (once signed) the USD value its receivable was booked at and how much of that is relieved.
/// </summary>
public sealed record Instalment(int Number, DateOnly DueOn, Money Amount, Money Paid, Money BookedUsd, Money RelievedUsd)
{
    public Money Outstanding => Amount - Paid;

    /// <summary>The USD value still carried in contributions receivable for this instalment.</summary>
    public Money OpenUsd => BookedUsd - RelievedUsd;

    public bool IsPaid => Outstanding.IsZero;

    public static Instalment Planned(InstalmentTerms terms) =>
        new(terms.Number, terms.DueOn, terms.Amount, Money.Zero(terms.Amount.Currency), Money.Usd(0m), Money.Usd(0m));

    /// <summary>
    /// The share of the open USD value that goes with <paramref name="part"/> of the outstanding amount.
    /// The last part takes exactly what is left, so the receivable always clears to the cent.
    /// </summary>
    public Money OpenUsdShare(Money part) =>
        part == Outstanding
            ? OpenUsd
            : Money.Usd(Money.Round(OpenUsd.Amount * part.Amount / Outstanding.Amount, CurrencyCode.Usd));
}
