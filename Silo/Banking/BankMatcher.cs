using FundManager.Common;
using FundManager.Donors;
using FundManager.Finance;
using FundManager.Pledges;

namespace FundManager.Banking;

/// <summary>
/// Proposes, for each credit of a bank statement, the open instalment it pays, in this order:
/// <list type="number">
/// <item>our reference (the pledge's id) or the pledge's agreement reference, found in the remittance information,
/// structured or not: the pledge, paid oldest instalment first;</item>
/// <item>otherwise the donor, by the debtor's IBAN registered on the donor or by the debtor's name (the donor's name,
/// ignoring case and spacing), with an open instalment of one of the donor's pledges in the credit's currency that the
/// credit pays within <see cref="Tolerance"/>: no more than the instalment, and no less than 99% of it, because
/// intermediary banks deduct their charges from what they pass on.</item>
/// </list>
/// What a proposal takes is set aside, so two credits of one statement never claim the same instalment. Nothing is
/// recorded here: the officer confirms each proposal.
/// </summary>
public sealed class BankMatcher
{
    public const string ByReference = "reference";
    public const string ByDonor = "donor";

    /// <summary>The share of an instalment a credit may fall short of it by and still be proposed for it.</summary>
    public const decimal Tolerance = 0.01m;

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', ':', '(', ')', '[', ']', '"', '\''];

    private readonly Dictionary<string, OpenPledge> _byReference = new(StringComparer.Ordinal);
    private readonly List<(string Reference, OpenPledge Pledge)> _referencesWithSeparators = [];
    private readonly Dictionary<string, DonorId> _donorsByIban = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DonorId?> _donorsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<DonorId, List<OpenPledge>> _pledgesByDonor = [];

    public BankMatcher(IEnumerable<Pledge> pledges, IEnumerable<Donor> donors)
    {
        foreach (var donor in donors)
        {
            foreach (var iban in donor.BankAccounts)
            {
                _donorsByIban[iban] = donor.Id;
            }

            // Two donors of one name identify neither.
            var name = NameKey(donor.Name);
            _donorsByName[name] = _donorsByName.ContainsKey(name) ? null : donor.Id;
        }

        foreach (var pledge in pledges.Where(p => p.IsSigned))
        {
            var open = new OpenPledge(pledge);
            Index(pledge.Id.ToString().ToUpperInvariant(), open);
            if (pledge.AgreementReference is { } agreement)
            {
                Index(agreement.Trim().ToUpperInvariant(), open);
            }

            if (!_pledgesByDonor.TryGetValue(pledge.Donor, out var ofDonor))
            {
                _pledgesByDonor[pledge.Donor] = ofDonor = [];
            }

            ofDonor.Add(open);
        }
    }

    /// <summary>Sets aside what a proposal made earlier, and not yet confirmed, takes from a pledge.</summary>
    public void SetAside(PledgeId pledge, int? instalment, decimal amount)
    {
        if (_byReference.TryGetValue(pledge.ToString().ToUpperInvariant(), out var open))
        {
            open.Take(instalment, amount);
        }
    }

    public BankMatch Match(BankEntry entry)
    {
        if (!entry.IsBooked)
        {
            return new BankMatch(BankEntryStatus.Pending, null, null, null, null, "Not booked by the bank yet.");
        }

        if (!entry.IsCredit)
        {
            return new BankMatch(BankEntryStatus.Debit, null, null, null, null, "Money out of the account (bank charges, a transfer out): never a receipt.");
        }

        return FindQuoted(entry.Remittance) is { } quoted ? ByQuotedReference(entry, quoted.Pledge, quoted.Reference) : ByPayer(entry);
    }

    private BankMatch ByQuotedReference(BankEntry entry, OpenPledge open, string reference)
    {
        var pledge = open.Pledge;
        var why = $"The remittance quotes {reference}, the reference of pledge {pledge.Id}";
        if (pledge.IsClosed)
        {
            return BankMatch.Unmatched($"{why}, which is {pledge.Status.ToString().ToLowerInvariant()}.", pledge.Donor);
        }

        if (pledge.Currency != entry.Amount.Currency)
        {
            return BankMatch.Unmatched($"{why}, which is in {pledge.Currency}; the credit is in {entry.Amount.Currency}.", pledge.Donor);
        }

        if (entry.Amount.Amount > open.Outstanding)
        {
            return BankMatch.Unmatched($"{why}, on which {new Money(open.Outstanding, pledge.Currency)} is open; the credit is {entry.Amount}.", pledge.Donor);
        }

        open.Take(null, entry.Amount.Amount);
        return new BankMatch(BankEntryStatus.Proposed, pledge.Id, null, pledge.Donor, ByReference, why + ": paid oldest instalment first.");
    }

    private BankMatch ByPayer(BankEntry entry)
    {
        var (donor, how) = Payer(entry);
        if (donor is not { } found)
        {
            return BankMatch.Unmatched("No reference of ours in the remittance, and no donor with the debtor's IBAN or name.");
        }

        var credit = entry.Amount.Amount;
        var candidates =
            from open in _pledgesByDonor.GetValueOrDefault(found) ?? []
            where !open.Pledge.IsClosed && open.Pledge.Currency == entry.Amount.Currency
            from instalment in open.Instalments
            where credit <= instalment.Open && credit >= instalment.Open * (1m - Tolerance)
            orderby instalment.DueOn, instalment.Number
            select (open, instalment);
        foreach (var (open, instalment) in candidates)
        {
            var note = $"The debtor's {how} is the donor's; instalment {instalment.Number} of pledge {open.Pledge.Id}, due {instalment.DueOn:yyyy-MM-dd}, has {new Money(instalment.Open, entry.Amount.Currency)} open.";
            open.Take(instalment.Number, credit);
            return new BankMatch(BankEntryStatus.Proposed, open.Pledge.Id, instalment.Number, found, ByDonor, note);
        }

        return BankMatch.Unmatched($"The debtor's {how} is the donor's, but none of the donor's open instalments in {entry.Amount.Currency} is within 1% of {entry.Amount}.", found);
    }

    private (DonorId? Donor, string How) Payer(BankEntry entry)
    {
        if (Iban.TryParse(entry.DebtorIban, out var iban) && _donorsByIban.TryGetValue(iban.Value, out var byIban))
        {
            return (byIban, "IBAN");
        }

        return entry.DebtorName is { } name && _donorsByName.GetValueOrDefault(NameKey(name)) is { } byName ? (byName, "name") : (null, "");
    }

    private (OpenPledge Pledge, string Reference)? FindQuoted(IReadOnlyList<string> remittance)
    {
        foreach (var line in remittance)
        {
            var upper = line.ToUpperInvariant();
            foreach (var token in upper.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (_byReference.TryGetValue(token.TrimEnd('.'), out var pledge))
                {
                    return (pledge, token.TrimEnd('.'));
                }
            }

            foreach (var (reference, pledge) in _referencesWithSeparators)
            {
                if (upper.Contains(reference, StringComparison.Ordinal))
                {
                    return (pledge, reference);
                }
            }
        }

        return null;
    }

    private void Index(string reference, OpenPledge pledge)
    {
        if (reference.Length == 0)
        {
            return;
        }

        if (reference.IndexOfAny(Separators) >= 0)
        {
            _referencesWithSeparators.Add((reference, pledge));
        }
        else
        {
            _byReference[reference] = pledge;
        }
    }

    private static string NameKey(string name) => string.Join(' ', name.ToUpperInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries));

    // A pledge as the matcher sees it: what is open on it and on each instalment, less what proposals have taken.
    private sealed class OpenPledge(Pledge pledge)
    {
        public Pledge Pledge { get; } = pledge;

        public decimal Outstanding { get; set; } = pledge.Outstanding.Amount;

        public List<OpenInstalment> Instalments { get; } =
            pledge.Instalments.Where(i => !i.IsPaid).OrderBy(i => i.DueOn).ThenBy(i => i.Number)
                .Select(i => new OpenInstalment(i.Number, i.DueOn) { Open = i.Outstanding.Amount }).ToList();

        // What a receipt of this amount pays: the instalment named, else the oldest first.
        public void Take(int? number, decimal amount)
        {
            Outstanding -= amount;
            foreach (var instalment in Instalments.Where(i => number is null || i.Number == number))
            {
                var part = Math.Min(amount, instalment.Open);
                instalment.Open -= part;
                amount -= part;
            }
        }
    }

    private sealed class OpenInstalment(int number, DateOnly dueOn)
    {
        public int Number { get; } = number;

        public DateOnly DueOn { get; } = dueOn;

        public decimal Open { get; set; }
    }
}
