using FundManager.Cluster;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using Microsoft.Extensions.DependencyInjection;

namespace FundManager.Reminders;

/// <summary>
/// Hosts a fund's reminders (see <see cref="IFundRemindersGrain"/>). A run is for a business day: a reminder that fires
/// twice in a day, or on two silos, finds the day done and does nothing; items keep their ids, so a condition found
/// again is never a second item; and grain storage refuses a write from a second activation (its version is stale).
/// </summary>
public sealed class FundRemindersGrain(
    [PersistentState("reminders", StateStorage.Name)] IPersistentState<FundReminders> state,
    EntityReader entities,
    ExchangeRateStore rates,
    Ledger.JournalSums journalSums,
    ReminderSchedule schedule,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider clock) : Grain, IFundRemindersGrain, IRemindable
{
    public const string Daily = "daily";

    private FundCode Fund => FundCode.Parse(this.GetPrimaryKeyString());

    public async Task EnsureScheduledAsync()
    {
        if (await this.GetReminder(Daily) is null || state.State.Period != schedule.Period)
        {
            await this.RegisterOrUpdateReminder(Daily, schedule.DueFrom(DateTimeOffset.UtcNow), schedule.Period);
            state.State.Period = schedule.Period;
            await state.WriteStateAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Daily)
        {
            await RunAsync();
        }
    }

    public async Task<IReadOnlyList<ReminderItem>> RunAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (state.State.LastRunOn == today)
        {
            return state.State.Items;
        }

        // The day's run also brings the fund's sums of its journal up to date, so that readers read few lines themselves.
        await journalSums.RefreshAsync(Fund);
        var found = await ScanAsync(today);
        state.State.Items = ReminderScan.Merge(found, state.State.Items);
        state.State.LastRunOn = today;
        state.State.Runs++;
        await state.WriteStateAsync();
        return state.State.Items;
    }

    public Task<IReadOnlyList<ReminderItem>> ItemsAsync() => Task.FromResult<IReadOnlyList<ReminderItem>>(state.State.Items);

    public async Task<bool> AcknowledgeAsync(string id, string by)
    {
        var index = state.State.Items.FindIndex(i => i.Id == id);
        if (index < 0)
        {
            return false;
        }

        if (state.State.Items[index].Status != ReminderStatus.Acknowledged)
        {
            state.State.Items[index] = state.State.Items[index] with { Status = ReminderStatus.Acknowledged, AcknowledgedBy = by, AcknowledgedAt = clock.GetUtcNow() };
            await state.WriteStateAsync();
        }

        return true;
    }

    public Task<ReminderRuns> RunsAsync() => Task.FromResult(new ReminderRuns(state.State.LastRunOn, state.State.Runs));

    private async Task<IReadOnlyList<ReminderItem>> ScanAsync(DateOnly today)
    {
        var pledges = new List<Pledge>();
        foreach (var status in new[] { PledgeStatus.Signed, PledgeStatus.PartiallyPaid })
        {
            var listed = await entities.ListingsAsync(new ListingQuery(EntityKind.Pledge, int.MaxValue) { Fund = Fund, Status = status.ToString() });
            pledges.AddRange(await entities.LoadManyAsync<Pledge, PledgeEvent>(listed));
        }

        var grants = new List<Grant>();
        foreach (var status in new[] { GrantStatus.Approved, GrantStatus.Active, GrantStatus.Completed })
        {
            var listed = await entities.ListingsAsync(new ListingQuery(EntityKind.Grant, int.MaxValue) { Fund = Fund, Status = status.ToString() });
            grants.AddRange(await entities.LoadManyAsync<Grant, GrantEvent>(listed));
        }

        var donors = (await entities.ListingsAsync(new ListingQuery(EntityKind.Donor, int.MaxValue)))
            .ToDictionary(d => Guid.Parse(d.Stream.Key), d => d.Listing.Label ?? d.Stream.Key);
        var latest = await rates.LatestAsync(pledges.Select(p => p.Currency).Where(c => c != CurrencyCode.Usd));
        return ReminderScan.Find(Fund, today, pledges, grants, donors, latest);
    }
}
