using FundManager.Common;
using FundManager.Donations;
using FundManager.Donors;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Reference;

namespace FundManager.Api.Payments;

/// <summary>
/// What online gifts do to the ledger, each through the pledges' grains under a command id named by Stripe's own ids, so
/// that an event delivered twice, or two events that report the same payment, record it once, in whatever order they
/// come: a payment becomes a receipt (channel <see cref="ReceiptChannel.CardOnline"/>, at the gross amount, the payment
/// intent's id its reference) on the pledge the gift names or, as a gift with no pledge, on a pledge of its own, and
/// Stripe's fee from the charge's balance transaction a bank charge in the same command; a refund or a lost dispute
/// reverses what it gave back.
/// </summary>
public sealed class GiftPayments(FundSystem system, IGrainFactory grains, StripeGateway stripe, DonorDirectory directory)
{
    /// <summary>The giver of a gift: its donor if known (signed in, or by customer or email), else a new individual donor.</summary>
    public async Task<Guid> DonorOfAsync(Donation gift, string? customer, GiverDetails? details, CancellationToken ct)
    {
        // A gift completed already knows its giver, linked to the customer then.
        if (gift.Status == DonationStatus.Completed && gift.Donor is { } completed && (customer is null || gift.Customer == customer))
        {
            return completed;
        }

        if (gift.Donor is null && details is null && customer is not null)
        {
            details = GiverDetails.Of(await stripe.CustomerAsync(customer, ct));
        }

        var donor = gift.Donor ?? await directory.FindGiverAsync(customer, details?.Email, ct);
        if (donor is null)
        {
            var country = details?.Country is { Length: 2 } alpha2 ? CountryCatalog.Default.All.FirstOrDefault(c => c.Alpha2 == alpha2.ToUpperInvariant())?.Code.Value : null;
            var name = string.IsNullOrWhiteSpace(details?.Name) ? details?.Email ?? "Online giver" : details.Name;
            var register = new RegisterDonor(name.Length > 200 ? name[..200] : name, DonorType.Individual, country, Email: details?.Email, PaymentCustomer: customer);
            var context = new CommandContext(CommandId.Of("stripe/donor/" + (customer ?? gift.Id.ToString())), UserId.System);
            try
            {
                await system.Donors.HandleAsync(register, context, ct);
            }
            catch (RuleViolation reused) when (reused.Rule == BusinessRule.CommandIdReused)
            {
                // The gift's other event registered the giver first, from Stripe's customer rather than the checkout's details.
            }

            return context.Id.Derive("donor");
        }

        if (customer is not null)
        {
            await system.Donors.HandleAsync(new LinkPaymentCustomer(donor.Value, customer), new CommandContext(CommandId.Of($"stripe/link/{donor}/{customer}"), UserId.System), ct);
        }

        return donor.Value;
    }

    /// <summary>
    /// Records a payment of a gift as a receipt with Stripe's fee on it (one command), then the gift completed by
    /// <paramref name="donor"/> with the payment (one write of its grain); returns the gift as it now stands. A payment
    /// the gift lists already was recorded whole (the gift lists it only then): nothing is sent again.
    /// </summary>
    public async Task<Donation> ReceiveAsync(Donation gift, Guid donor, string? customer, string? subscription, GiftPayment payment, CancellationToken ct)
    {
        var grain = grains.GetGrain<IDonationGrain>(gift.Id);
        if (gift.Payments.Any(p => p.Payment == payment.Id))
        {
            return await grain.CompleteAsync(donor, customer, subscription, null);
        }

        var transaction = payment.Charge is null ? null : (await stripe.ChargeAsync(payment.Charge, ct)).BalanceTransaction;
        var fee = transaction is { Fee: > 0 } ? StripeAmounts.FromMinor(transaction.Fee, transaction.Currency, "fee") : (Finance.Money?)null;
        var pledge = await ReceiptAsync(gift.Terms!, donor, payment, fee is { } f ? new ProcessorFee(transaction!.Id, f.Amount, f.Currency.Code) : null, ct);
        return await grain.CompleteAsync(
            donor, customer, subscription, new DonationPayment(payment.Id, pledge, payment.Amount.Amount, payment.Amount.Currency.Code, payment.ReceivedOn, fee?.Amount, fee?.Currency.Code));
    }

    /// <summary>Reverses what a refund or a lost dispute gave back of a payment recorded as a receipt.</summary>
    public async Task ReverseAsync(string payment, ReversalKind kind, string reference, DateOnly on, decimal reversedToDate, CancellationToken ct)
    {
        var pledge = await PledgeOfReceiptAsync(payment, ct)
            ?? throw new PaymentNotYetRecordedException(payment);
        await system.Pledges.HandleAsync(
            new ReverseReceipt(pledge, payment, kind, reference, on, reversedToDate),
            new CommandContext(CommandId.Of($"stripe/reversal/{reference}/{reversedToDate}"), UserId.System),
            ct);
    }

    // The pledge the gift names takes the receipt when it can; else (paid in full meanwhile, closed) the money is a gift
    // with no pledge from the same donor to the same fund: money received is never turned away.
    private async Task<Guid> ReceiptAsync(DonationTerms terms, Guid donor, GiftPayment payment, ProcessorFee? fee, CancellationToken ct)
    {
        if (terms.Pledge is { } named)
        {
            try
            {
                await system.Pledges.HandleAsync(
                    new RecordReceipt(named, payment.Id, ReceiptChannel.CardOnline, payment.ReceivedOn, payment.Amount.Amount, payment.Amount.Currency.Code, Fee: fee),
                    new CommandContext(CommandId.Of("stripe/payment/" + payment.Id), UserId.System),
                    ct);
                return named;
            }
            catch (RuleViolation refused) when (refused.Rule is BusinessRule.ReceiptExceedsOutstanding or BusinessRule.IllegalTransition or BusinessRule.ReceiptCurrencyDiffersFromPledge
                or BusinessRule.DuplicateReceiptReference)
            {
                if (await PledgeOfReceiptAsync(payment.Id, ct) is { } already)
                {
                    return already;
                }
            }
        }

        var context = new CommandContext(CommandId.Of("stripe/gift/" + payment.Id), UserId.System);
        await system.Pledges.HandleAsync(
            new RecordUnpledgedReceipt(
                donor, terms.Fund, payment.Id, ReceiptChannel.CardOnline, payment.ReceivedOn, payment.Amount.Amount, payment.Amount.Currency.Code, terms.Earmark, terms.EarmarkTarget,
                Fee: fee),
            context,
            ct);
        return context.Id.Derive("pledge");
    }

    private async Task<Guid?> PledgeOfReceiptAsync(string payment, CancellationToken ct) =>
        (await system.Receipts.PledgeOfAsync(payment, ct))?.Value;
}
