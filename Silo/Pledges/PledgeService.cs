using FundManager.Cluster;
using FundManager.Funds;
using FundManager.Persistence;

namespace FundManager.Pledges;

/// <summary>Sends the commands on pledges and receipts to the pledges' grains.</summary>
public sealed class PledgeService(CommandSender sender)
{
    public Task<CommandResult> HandleAsync(AnnouncePledge command, CommandContext context, CancellationToken ct = default)
    {
        var id = command.Id ?? context.Id.Derive("pledge");
        return Send(command, context, id, p => p.AnnounceAsync(command with { Id = id }, context), ct, FundCode.Parse(command.Fund));
    }

    public Task<CommandResult> HandleAsync(SignPledge command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Pledge, p => p.SignAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(AmendPledge command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Pledge, p => p.AmendAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(CancelPledge command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Pledge, p => p.CancelAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(WriteOffPledge command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Pledge, p => p.WriteOffAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RecordReceipt command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Pledge, p => p.RecordReceiptAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RecordUnpledgedReceipt command, CommandContext context, CancellationToken ct = default)
    {
        var id = command.Pledge ?? context.Id.Derive("pledge");
        return Send(command, context, id, p => p.RecordUnpledgedReceiptAsync(command with { Pledge = id }, context), ct, FundCode.Parse(command.Fund));
    }

    public Task<CommandResult> HandleAsync(RecordProcessorFee command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Pledge, p => p.RecordProcessorFeeAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(ReverseReceipt command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Pledge, p => p.ReverseReceiptAsync(command, context), ct);

    private Task<CommandResult> Send(object command, CommandContext context, Guid pledge, Func<IPledgeGrain, Task<CommandOutcome>> send, CancellationToken ct, FundCode? fund = null) =>
        sender.SendAsync(command, context, g => send(g.GetGrain<IPledgeGrain>(pledge)), ct, fund);
}
