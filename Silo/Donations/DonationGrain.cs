using FundManager.Cluster;

namespace FundManager.Donations;

/// <summary>
/// Hosts an online gift's state (see <see cref="IDonationGrain"/>). It records what the processor reports and decides
/// nothing about money: receipts, fees and reversals are the pledges' commands. Grain storage refuses a write from a
/// second activation (its version is stale).
/// </summary>
public sealed class DonationGrain([PersistentState("donation", StateStorage.Name)] IPersistentState<Donation> state) : Grain, IDonationGrain
{
    public async Task<Donation> OpenAsync(DonationTerms terms, string session, string sessionUrl, DateTimeOffset at)
    {
        if (state.State.Terms is null)
        {
            state.State.Id = this.GetPrimaryKey();
            state.State.Terms = terms;
            state.State.Session = session;
            state.State.SessionUrl = sessionUrl;
            state.State.Status = DonationStatus.Pending;
            state.State.OpenedAt = at;
            state.State.Donor = terms.Donor;
            await state.WriteStateAsync();
        }

        return state.State;
    }

    public Task<Donation?> FindAsync() => Task.FromResult(state.State.Terms is null ? null : state.State);

    public async Task<Donation> CompleteAsync(Guid donor, string? customer, string? subscription, DonationPayment? payment)
    {
        var gift = state.State;
        var changed = gift.Status != DonationStatus.Completed || gift.Donor != donor
            || (customer is not null && gift.Customer != customer) || (subscription is not null && gift.Subscription != subscription);
        gift.Status = DonationStatus.Completed;
        gift.Donor = donor;
        gift.Customer = customer ?? gift.Customer;
        gift.Subscription = subscription ?? gift.Subscription;
        if (payment is not null)
        {
            changed |= Put(payment);
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        return gift;
    }

    public async Task<Donation> ExpireAsync()
    {
        if (state.State.Status == DonationStatus.Pending)
        {
            state.State.Status = DonationStatus.Expired;
            await state.WriteStateAsync();
        }

        return state.State;
    }

    public async Task<Donation> RecordPaymentAsync(DonationPayment payment)
    {
        if (Put(payment))
        {
            await state.WriteStateAsync();
        }

        return state.State;
    }

    // Adds the payment or replaces the one with its id; false when it is there already as it is.
    private bool Put(DonationPayment payment)
    {
        var payments = state.State.Payments;
        var index = payments.FindIndex(p => p.Payment == payment.Payment);
        if (index >= 0 && payments[index] == payment)
        {
            return false;
        }

        if (index >= 0)
        {
            payments[index] = payment;
        }
        else
        {
            payments.Add(payment);
        }

        return true;
    }
}
