using FundManager.Banking;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Pledges;

namespace FundManager.Silo.Tests.Banking;

/// <summary>
/// The matching rules for bank credits, in memory: our reference or the agreement reference first, then the donor by IBAN
/// or name with an instalment the credit pays within 1%; what a proposal takes is not proposed again.
/// </summary>
public sealed class BankMatcherTests
{
    private static readonly FundCode Code = FundCode.Parse("BNK");
    private static readonly CurrencyCode Nzd = CurrencyCode.Parse("NZD");
    private const string DonorIban = "GB82WEST12345698765432";

    [Fact]
    public void A_quoted_agreement_reference_proposes_its_pledge_whatever_the_case_and_punctuation()
    {
        var (donor, pledge) = DonorWithPledge("Aotearoa Trust", "NZ-AGR/2026 01", [(new DateOnly(2026, 3, 31), 1_000m), (new DateOnly(2026, 9, 30), 1_000m)]);
        var matcher = new BankMatcher([pledge], [donor]);

        var match = matcher.Match(Credit(1_500m, remittance: ["Contribution, nz-agr/2026 01."]));

        Assert.Equal((BankEntryStatus.Proposed, pledge.Id, (int?)null, BankMatcher.ByReference), (match.Status, match.Pledge, match.Instalment, match.Rule));
        Assert.Equal(donor.Id, match.Donor);
    }

    [Fact]
    public void The_pledge_id_in_the_remittance_is_our_reference()
    {
        var (donor, pledge) = DonorWithPledge("Aotearoa Trust", null, [(new DateOnly(2026, 3, 31), 1_000m)]);
        var match = new BankMatcher([pledge], [donor]).Match(Credit(1_000m, remittance: [$"PLEDGE:{pledge.Id}"]));
        Assert.Equal((BankEntryStatus.Proposed, BankMatcher.ByReference), (match.Status, match.Rule));
    }

    [Fact]
    public void A_quoted_pledge_in_another_currency_or_paid_beyond_its_balance_goes_to_suspense_saying_why()
    {
        var (donor, pledge) = DonorWithPledge("Aotearoa Trust", "NZ-1", [(new DateOnly(2026, 3, 31), 1_000m)]);
        var matcher = new BankMatcher([pledge], [donor]);

        var tooMuch = matcher.Match(Credit(1_000.01m, remittance: ["NZ-1"]));
        var otherCurrency = matcher.Match(Credit(10m, currency: "EUR", remittance: ["NZ-1"]));

        Assert.Equal(BankEntryStatus.Suspense, tooMuch.Status);
        Assert.Contains("1,000.00 NZD is open", tooMuch.Note, StringComparison.Ordinal);
        Assert.Equal(BankEntryStatus.Suspense, otherCurrency.Status);
        Assert.Contains("in NZD; the credit is in EUR", otherCurrency.Note, StringComparison.Ordinal);
        Assert.Equal(donor.Id, otherCurrency.Donor);
    }

    [Theory]
    [InlineData(1_000.00, true)]
    [InlineData(990.00, true)]
    [InlineData(989.99, false)]
    [InlineData(1_000.01, false)]
    public void By_iban_a_credit_is_proposed_for_an_instalment_it_pays_within_one_percent_and_never_beyond(decimal amount, bool proposed)
    {
        var (donor, pledge) = DonorWithPledge("Aotearoa Trust", "NZ-1", [(new DateOnly(2026, 3, 31), 1_000m), (new DateOnly(2026, 9, 30), 2_000m)]);
        var match = new BankMatcher([pledge], [donor]).Match(Credit(amount, iban: "gb82 west 1234 5698 7654 32", name: "Someone else"));
        Assert.Equal(proposed ? BankEntryStatus.Proposed : BankEntryStatus.Suspense, match.Status);
        Assert.Equal(proposed ? 1 : null, match.Instalment);
        Assert.Equal(donor.Id, match.Donor);
    }

    [Fact]
    public void By_name_the_instalment_the_amount_fits_is_proposed_and_not_twice()
    {
        var (donor, pledge) = DonorWithPledge("Aotearoa  Trust", "NZ-1", [(new DateOnly(2026, 3, 31), 1_000m), (new DateOnly(2026, 9, 30), 2_000m)]);
        var matcher = new BankMatcher([pledge], [donor]);

        var second = matcher.Match(Credit(1_995m, name: "AOTEAROA TRUST"));
        var again = matcher.Match(Credit(1_995m, name: "aotearoa trust"));
        var first = matcher.Match(Credit(1_000m, name: "Aotearoa Trust"));

        Assert.Equal((BankEntryStatus.Proposed, (int?)2, BankMatcher.ByDonor), (second.Status, second.Instalment, second.Rule));
        Assert.Equal(BankEntryStatus.Suspense, again.Status);
        Assert.Equal((BankEntryStatus.Proposed, (int?)1), (first.Status, first.Instalment));
    }

    [Fact]
    public void A_proposal_made_earlier_and_not_confirmed_is_set_aside()
    {
        var (donor, pledge) = DonorWithPledge("Aotearoa Trust", "NZ-1", [(new DateOnly(2026, 3, 31), 1_000m)]);
        var matcher = new BankMatcher([pledge], [donor]);
        matcher.SetAside(pledge.Id, 1, 1_000m);
        Assert.Equal(BankEntryStatus.Suspense, matcher.Match(Credit(1_000m, name: "Aotearoa Trust")).Status);
        Assert.Equal(BankEntryStatus.Suspense, matcher.Match(Credit(1_000m, remittance: ["NZ-1"])).Status);
    }

    [Fact]
    public void Two_donors_of_one_name_identify_neither_and_debits_and_unbooked_entries_are_never_proposed()
    {
        var (donor, pledge) = DonorWithPledge("Friends of the Fund", "NZ-1", [(new DateOnly(2026, 3, 31), 1_000m)]);
        var (twin, _) = DonorWithPledge("Friends of the Fund", "NZ-2", [(new DateOnly(2026, 3, 31), 1_000m)]);
        var matcher = new BankMatcher([pledge], [donor, twin]);

        Assert.Equal(BankEntryStatus.Suspense, matcher.Match(Credit(1_000m, name: "Friends of the Fund")).Status);
        Assert.Equal(BankEntryStatus.Debit, matcher.Match(Credit(1_000m, remittance: ["NZ-1"]) with { IsCredit = false }).Status);
        Assert.Equal(BankEntryStatus.Pending, matcher.Match(Credit(1_000m, remittance: ["NZ-1"]) with { IsBooked = false }).Status);
    }

    private static BankEntry Credit(decimal amount, string currency = "NZD", string? name = null, string? iban = null, IReadOnlyList<string>? remittance = null) =>
        new("REF-" + Guid.NewGuid().ToString("N")[..8], new Money(amount, CurrencyCode.Parse(currency)), IsCredit: true, IsBooked: true,
            new DateOnly(2026, 4, 2), null, name, iban, remittance ?? []);

    private static (Donor Donor, Pledge Pledge) DonorWithPledge(string name, string? agreement, (DateOnly Due, decimal Amount)[] instalments)
    {
        var donor = new Donor();
        donor.ApplyAll(Donor.Register(DonorId.New(), name, DonorType.Foundation, null));
        donor.ApplyAll(donor.RegisterBankAccount(DonorIban));
        var pledge = new Pledge();
        pledge.ApplyAll(Pledge.Announce(
            PledgeId.New(), donor.Id, Code, Nzd, instalments.Sum(i => i.Amount), instalments.Select(i => new PlannedInstalment(i.Due, i.Amount)).ToList(),
            Earmark.None, new DateOnly(2026, 1, 2)));
        pledge.ApplyAll(pledge.Sign(new DateOnly(2026, 1, 2), agreement, new ExchangeRateTable([new ExchangeRate(Nzd, 1.6m, new DateOnly(2026, 1, 1))])));
        return (donor, pledge);
    }
}
