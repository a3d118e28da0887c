using FundManager.Donors;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;

namespace FundManager.Pledges;

/// <summary>Carries out the commands on pledges and receipts.</summary>
public sealed class PledgeService(CommandRunner runner)
{
    public Task<CommandResult> HandleAsync(AnnouncePledge command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var (fund, earmark) = await CheckPartiesAsync(uow, command.Donor, command.Fund, command.Earmark, command.EarmarkTarget, token);
            var id = new PledgeId(command.Id ?? Guid.NewGuid());
            var stream = await NewStreamAsync(uow, id, token);
            var pledge = new Pledge();
            var events = Pledge.Announce(
                id, new DonorId(command.Donor), fund, CurrencyCode.Parse(command.Currency), command.Total, command.Instalments ?? [], earmark, command.AnnouncedOn);
            uow.Record(stream, pledge, events, fund, pledge.PostingFor);
            return new CommandResult(stream.ToString(), pledge.Version);
        }, ct);

    public Task<CommandResult> HandleAsync(SignPledge command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Pledge, async (uow, pledge, token) =>
            pledge.Sign(command.SignedOn, command.AgreementReference, await uow.RatesAsync(pledge.Currency, command.SignedOn, token)), ct);

    public Task<CommandResult> HandleAsync(AmendPledge command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Pledge, async (uow, pledge, token) =>
            pledge.Amend(command.Instalments ?? [], command.Reason, command.EffectiveOn, await uow.RatesAsync(pledge.Currency, command.EffectiveOn, token)), ct);

    public Task<CommandResult> HandleAsync(CancelPledge command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Pledge, (_, pledge, _) => Task.FromResult(pledge.Cancel(command.On, command.Reason)), ct);

    public Task<CommandResult> HandleAsync(WriteOffPledge command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Pledge, (_, pledge, _) => Task.FromResult(pledge.WriteOff(command.On, command.Reason)), ct);

    public Task<CommandResult> HandleAsync(RecordReceipt command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Pledge, async (uow, pledge, token) =>
        {
            var amount = new Money(command.Amount, CurrencyCode.Parse(command.Currency));
            var allocations = command.Allocations?.Select(a => (a.Instalment, a.Amount)).ToList();
            var events = pledge.RecordReceipt(
                new ReceiptId(command.Id ?? Guid.NewGuid()), command.Reference, command.Channel, command.ReceivedOn, amount, allocations,
                await uow.RatesAsync(pledge.Currency, command.ReceivedOn, token));
            await ClaimReferenceAsync(uow, ((ReceiptRecorded)events[0]).Reference, StreamId.For(pledge.Id), token);
            return events;
        }, ct);

    public Task<CommandResult> HandleAsync(RecordUnpledgedReceipt command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var (fund, earmark) = await CheckPartiesAsync(uow, command.Donor, command.Fund, command.Earmark, command.EarmarkTarget, token);
            var id = new PledgeId(command.Pledge ?? Guid.NewGuid());
            var stream = await NewStreamAsync(uow, id, token);
            var currency = CurrencyCode.Parse(command.Currency);
            var rates = await uow.RatesAsync(currency, command.ReceivedOn, token);
            var reference = Pledge.NormaliseReference(command.Reference);

            // Money that arrives unannounced is a pledge signed and paid on the day it arrives.
            var pledge = new Pledge();
            uow.Record(stream, pledge, Pledge.Announce(id, new DonorId(command.Donor), fund, currency, command.Amount, [new PlannedInstalment(command.ReceivedOn, command.Amount)], earmark, command.ReceivedOn), fund, pledge.PostingFor);
            uow.Record(stream, pledge, pledge.Sign(command.ReceivedOn, "unpledged receipt " + reference, rates), fund, pledge.PostingFor);
            var receipt = pledge.RecordReceipt(ReceiptId.New(), reference, command.Channel, command.ReceivedOn, new Money(command.Amount, currency), null, rates);
            await ClaimReferenceAsync(uow, reference, stream, token);
            uow.Record(stream, pledge, receipt, fund, pledge.PostingFor);
            return new CommandResult(stream.ToString(), pledge.Version);
        }, ct);

    private Task<CommandResult> Change<TCommand>(
        CommandContext context, TCommand command, Guid pledgeId, Func<UnitOfWork, Pledge, CancellationToken, Task<PledgeEvent[]>> decide, CancellationToken ct)
        where TCommand : notnull =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var stream = StreamId.For(new PledgeId(pledgeId));
            var pledge = await uow.TargetAsync<Pledge, PledgeEvent>(stream, token);
            var events = await decide(uow, pledge, token);
            uow.Record(stream, pledge, events, pledge.Fund, pledge.PostingFor);
            return new CommandResult(stream.ToString(), pledge.Version);
        }, ct);

    private static async Task<StreamId> NewStreamAsync(UnitOfWork uow, PledgeId id, CancellationToken ct)
    {
        var stream = StreamId.For(id);
        return await uow.ExistsAsync(stream, ct)
            ? throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, $"Pledge {id} already exists.", "id", ("pledge", id.ToString()))
            : stream;
    }

    // The reference's unique key refuses a second use when the receipt is written (DuplicateReceiptReference),
    // also when two processes race with the same reference.
    private static Task ClaimReferenceAsync(UnitOfWork uow, string reference, StreamId pledge, CancellationToken ct)
    {
        uow.ClaimReceiptReference(reference, pledge);
        return Task.CompletedTask;
    }

    private static async Task<(FundCode Fund, Earmark Earmark)> CheckPartiesAsync(
        UnitOfWork uow, Guid donor, string fundCode, EarmarkKind kind, string? target, CancellationToken ct)
    {
        var fund = FundCode.Parse(fundCode);
        await uow.GetAsync<Fund, FundEvent>(StreamId.For(fund), ct);
        await uow.GetAsync<Donor, DonorEvent>(StreamId.For(new DonorId(donor)), ct);
        var earmark = Earmark.Create(kind, target);
        if (earmark.Kind == EarmarkKind.Grant)
        {
            var grant = await uow.LoadAsync<Grant, GrantEvent>(StreamId.For(new GrantId(Guid.Parse(earmark.Target!))), ct);
            if (!grant.Exists || grant.Fund != fund)
            {
                throw RuleViolation.Of(BusinessRule.EarmarkTargetUnknown, $"Fund {fund} has no grant {earmark.Target} to earmark to.", "earmark.target", ("grant", earmark.Target));
            }
        }

        return (fund, earmark);
    }
}
