using FundManager.Common;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Pledges;

namespace FundManager.Tests.Rules;

/// <summary>
/// A pledge's rules in memory: instalments add up to the total, receipts come after signing, in the pledge's currency,
/// never more than is outstanding nor twice under one reference, and each is valued at its own day's rate, the
/// difference to the receivable's booked value being an exchange gain or loss to the cent.
/// </summary>
public sealed class PledgeRuleTests
{
    private static readonly CurrencyCode Nok = CurrencyCode.Parse("NOK");
    private static readonly DateOnly Signed = new(2025, 1, 15);
    private static readonly DateOnly Received = new(2025, 3, 20);
    private static readonly ReceiptId Receipt = new(Guid.Parse("0b7e5d8a-3f0c-4d43-8a1e-2f4f1f2a0001"));

    // 10 NOK to the dollar when the agreement is signed, 11 when the first instalment arrives.
    private static readonly ExchangeRateTable Rates = new([new ExchangeRate(Nok, 10m, new DateOnly(2025, 1, 1)), new ExchangeRate(Nok, 11m, new DateOnly(2025, 3, 1))]);

    private static readonly PlannedInstalment[] TwoInstalments = [new(new DateOnly(2025, 3, 31), 500_000m), new(new DateOnly(2026, 3, 31), 500_000m)];

    private static PledgeEvent[] Announced() =>
        Pledge.Announce(new PledgeId(Guid.Parse("0b7e5d8a-3f0c-4d43-8a1e-2f4f1f2a0002")), new DonorId(Guid.Parse("0b7e5d8a-3f0c-4d43-8a1e-2f4f1f2a0003")),
            FundCode.Parse("UPR-VFTA"), Nok, 1_000_000m, TwoInstalments, Earmark.None, new DateOnly(2024, 11, 15));

    private static List<PledgeEvent> SignedPledge() =>
        [.. Announced(), new PledgeSigned(Signed, "CA-NORWAY-2025", 10m, [new InstalmentValue(1, Money.Usd(50_000m)), new InstalmentValue(2, Money.Usd(50_000m))])];

    private static Func<Pledge, PledgeEvent[]> Receive(decimal amount, string currency = "NOK", string reference = "bank-2025-031") =>
        pledge => pledge.RecordReceipt(Receipt, reference, ReceiptChannel.BankTransfer, Received, new Money(amount, CurrencyCode.Parse(currency)), null, Rates);

    [Fact]
    public void Instalments_add_up_to_the_total_pledged() =>
        Given.History<Pledge, PledgeEvent>([])
            .When(_ => Pledge.Announce(PledgeId.New(), DonorId.New(), FundCode.Parse("UPR-VFTA"), Nok, 1_000_000.01m, TwoInstalments, Earmark.None, Signed))
            .ThenRefused(BusinessRule.InstalmentsDoNotSumToTotal, "instalments");

    [Fact]
    public void Signing_books_each_instalment_at_the_rate_of_the_signing_day() =>
        Given.History<Pledge, PledgeEvent>(Announced())
            .When(pledge => pledge.Sign(Signed, "CA-NORWAY-2025", Rates))
            .Then(SignedPledge()[^1]);

    [Fact]
    public void Money_is_received_only_against_a_signed_agreement() =>
        Given.History<Pledge, PledgeEvent>(Announced())
            .When(Receive(500_000m))
            .ThenRefused(BusinessRule.PledgeNotSigned, null);

    [Fact]
    public void A_receipt_is_valued_at_its_own_days_rate_and_the_difference_is_an_exchange_loss_to_the_cent() =>
        // 500,000 NOK at 11 = 45,454.545… → 45,454.55 USD, against 50,000.00 USD booked at signing: a loss of 4,545.45.
        Given.History<Pledge, PledgeEvent>(SignedPledge())
            .When(Receive(500_000m))
            .Then(new ReceiptRecorded(
                Receipt, "BANK-2025-031", ReceiptChannel.BankTransfer, Received, new Money(500_000m, Nok), 11m, Money.Usd(45_454.55m),
                [new ReceiptApplication(1, new Money(500_000m, Nok), Money.Usd(50_000m))], Money.Usd(-4_545.45m)));

    [Fact]
    public void A_receipt_in_another_currency_than_the_pledges_is_refused() =>
        Given.History<Pledge, PledgeEvent>(SignedPledge())
            .When(Receive(50_000m, currency: "USD"))
            .ThenRefused(BusinessRule.ReceiptCurrencyDiffersFromPledge, "currency");

    [Fact]
    public void No_more_than_is_outstanding_is_received() =>
        Given.History<Pledge, PledgeEvent>(SignedPledge())
            .When(Receive(1_000_000.01m))
            .ThenRefused(BusinessRule.ReceiptExceedsOutstanding, "amount");

    [Fact]
    public void The_same_bank_reference_is_never_counted_twice_whatever_its_case()
    {
        var once = Given.History<Pledge, PledgeEvent>(SignedPledge()).When(Receive(500_000m)).Events;

        Given.History<Pledge, PledgeEvent>([.. SignedPledge(), .. once])
            .When(Receive(100_000m, reference: " Bank-2025-031 "))
            .ThenRefused(BusinessRule.DuplicateReceiptReference, "reference");
    }
}
