using FundManager.Cluster;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FundManager.Pledges;

/// <summary>
/// Hosts a pledge (see <see cref="EntityGrain{TEntity,TEvent}"/>). It asks the donor's and the fund's grains whether
/// they exist, and the exchange rates in force on the day; every receipt and signature posts through the fund's grain.
/// </summary>
[FundAffinityPlacement]
public sealed class PledgeGrain(EntityStore store, ExchangeRateStore rates, [FromKeyedServices(BusinessClock.Key)] TimeProvider clock) : EntityGrain<Pledge, PledgeEvent>(store, clock), IPledgeGrain
{
    private PledgeId Id => new(this.GetPrimaryKey());

    protected override StreamId Stream => StreamId.For(Id);

    public Task<CommandOutcome> AnnounceAsync(AnnouncePledge command, CommandContext context) =>
        RunAsync(command, context, async decision =>
        {
            var pledge = Entity;
            decision.RequireNew(pledge, "id", $"Pledge {Id} already exists.");
            var (fund, earmark) = await CheckPartiesAsync(command.Donor, command.Fund, command.Earmark, command.EarmarkTarget);
            var events = Pledge.Announce(
                Id, new DonorId(command.Donor), fund, CurrencyCode.Parse(command.Currency), command.Total, command.Instalments ?? [], earmark, command.AnnouncedOn);
            decision.Record(pledge, events, fund, pledge.PostingFor);
            return Result(pledge);
        });

    public Task<CommandOutcome> SignAsync(SignPledge command, CommandContext context) =>
        Change(command, context, async pledge =>
            pledge.Sign(command.SignedOn, command.AgreementReference, await rates.InForceAsync(pledge.Currency, command.SignedOn)));

    public Task<CommandOutcome> AmendAsync(AmendPledge command, CommandContext context) =>
        Change(command, context, async pledge =>
            pledge.Amend(command.Instalments ?? [], command.Reason, command.EffectiveOn, await rates.InForceAsync(pledge.Currency, command.EffectiveOn)));

    public Task<CommandOutcome> CancelAsync(CancelPledge command, CommandContext context) =>
        Change(command, context, pledge => Task.FromResult(pledge.Cancel(command.On, command.Reason)));

    public Task<CommandOutcome> WriteOffAsync(WriteOffPledge command, CommandContext context) =>
        Change(command, context, pledge => Task.FromResult(pledge.WriteOff(command.On, command.Reason)));

    public Task<CommandOutcome> RecordReceiptAsync(RecordReceipt command, CommandContext context) =>
        RunAsync(command, context, async decision =>
        {
            var pledge = decision.Target(Entity);
            var amount = new Money(command.Amount, CurrencyCode.Parse(command.Currency));
            var allocations = command.Allocations?.Select(a => (a.Instalment, a.Amount)).ToList();
            var events = pledge.RecordReceipt(
                new ReceiptId(command.Id ?? context.Id.Derive("receipt")), command.Reference, command.Channel, command.ReceivedOn, amount, allocations,
                await rates.InForceAsync(pledge.Currency, command.ReceivedOn));

            // The reference's unique key refuses a second use when the receipt is written, even by another silo.
            decision.ClaimReceiptReference(((ReceiptRecorded)events[0]).Reference);
            decision.Record(pledge, events, pledge.Fund, pledge.PostingFor);
            await RecordFeeAsync(decision, pledge, command.Fee, command.Reference, command.ReceivedOn);
            return Result(pledge);
        });

    public Task<CommandOutcome> RecordUnpledgedReceiptAsync(RecordUnpledgedReceipt command, CommandContext context) =>
        RunAsync(command, context, async decision =>
        {
            var pledge = Entity;
            decision.RequireNew(pledge, "pledge", $"Pledge {Id} already exists.");
            var (fund, earmark) = await CheckPartiesAsync(command.Donor, command.Fund, command.Earmark, command.EarmarkTarget);
            var currency = CurrencyCode.Parse(command.Currency);
            var amount = Money.Entered(command.Amount, currency, "amount");
            BusinessDate.Check(command.ReceivedOn, "receivedOn");
            var inForce = await rates.InForceAsync(currency, command.ReceivedOn);
            var reference = Pledge.NormaliseReference(command.Reference);

            // Money that arrives unannounced is a pledge signed and paid on the day it arrives.
            decision.Record(pledge, Pledge.Announce(Id, new DonorId(command.Donor), fund, currency, amount.Amount, [new PlannedInstalment(command.ReceivedOn, amount.Amount)], earmark, command.ReceivedOn), fund, pledge.PostingFor);
            decision.Record(pledge, pledge.Sign(command.ReceivedOn, "unpledged receipt " + reference, inForce), fund, pledge.PostingFor);
            var receipt = pledge.RecordReceipt(new ReceiptId(context.Id.Derive("receipt")), reference, command.Channel, command.ReceivedOn, amount, null, inForce);
            decision.ClaimReceiptReference(reference);
            decision.Record(pledge, receipt, fund, pledge.PostingFor);
            await RecordFeeAsync(decision, pledge, command.Fee, reference, command.ReceivedOn);
            return Result(pledge);
        });

    public Task<CommandOutcome> RecordProcessorFeeAsync(RecordProcessorFee command, CommandContext context) =>
        Change(command, context, async pledge =>
        {
            var fee = new Money(command.Amount, CurrencyCode.Parse(command.Currency));
            return pledge.RecordProcessorFee(command.Receipt, command.Reference, command.On, fee, await rates.InForceAsync(fee.Currency, command.On));
        });

    public Task<CommandOutcome> ReverseReceiptAsync(ReverseReceipt command, CommandContext context) =>
        Change(command, context, pledge => Task.FromResult(pledge.ReverseReceipt(command.Receipt, command.Kind, command.Reference, command.On, command.ReversedToDate)));

    private Task<CommandOutcome> Change(object command, CommandContext context, Func<Pledge, Task<PledgeEvent[]>> decide) =>
        RunAsync(command, context, async decision =>
        {
            var pledge = decision.Target(Entity);
            decision.Record(pledge, await decide(pledge), pledge.Fund, pledge.PostingFor);
            return Result(pledge);
        });

    private CommandResult Result(Pledge pledge) => new(Stream.ToString(), pledge.Version);

    // A processor's fee on a receipt is recorded in the receipt's own command, so a gift and its fee post together.
    private async Task RecordFeeAsync(CommandDecision decision, Pledge pledge, ProcessorFee? fee, string receipt, DateOnly on)
    {
        if (fee is not null)
        {
            var charged = new Money(fee.Amount, CurrencyCode.Parse(fee.Currency, "fee.currency"));
            decision.Record(pledge, pledge.RecordProcessorFee(receipt, fee.Reference, on, charged, await rates.InForceAsync(charged.Currency, on)), pledge.Fund, pledge.PostingFor);
        }
    }

    private async Task<(FundCode Fund, Earmark Earmark)> CheckPartiesAsync(Guid donor, string fundCode, EarmarkKind kind, string? target)
    {
        var fund = FundCode.Parse(fundCode);
        if (!await Fund(fund).ExistsAsync())
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {fund}.", "fund", ("fund", fund.Value));
        }

        if (!await GrainFactory.GetGrain<IDonorGrain>(donor).ExistsAsync())
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no donor {donor}.", "donor", ("id", donor.ToString()));
        }

        var earmark = Earmark.Create(kind, target);
        if (earmark.Kind == EarmarkKind.Grant
            && await GrainFactory.GetGrain<IGrantGrain>(Guid.Parse(earmark.Target!)).FundAsync() != fund.Value)
        {
            throw RuleViolation.Of(BusinessRule.EarmarkTargetUnknown, $"Fund {fund} has no grant {earmark.Target} to earmark to.", "earmarkTarget", ("grant", earmark.Target));
        }

        return (fund, earmark);
    }
}
