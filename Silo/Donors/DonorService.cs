using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Donors;

/// <summary>Sends the commands on donors to their grains.</summary>
public sealed class DonorService(CommandSender sender)
{
    public Task<CommandResult> HandleAsync(RegisterDonor command, CommandContext context, CancellationToken ct = default)
    {
        var id = command.Id ?? context.Id.Derive("donor");
        return sender.SendAsync(command, context, g => g.GetGrain<IDonorGrain>(id).RegisterAsync(command with { Id = id }, context), ct);
    }

    public Task<CommandResult> HandleAsync(RenameDonor command, CommandContext context, CancellationToken ct = default) =>
        sender.SendAsync(command, context, g => g.GetGrain<IDonorGrain>(command.Donor).RenameAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(LinkPaymentCustomer command, CommandContext context, CancellationToken ct = default) =>
        sender.SendAsync(command, context, g => g.GetGrain<IDonorGrain>(command.Donor).LinkPaymentCustomerAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RegisterBankAccount command, CommandContext context, CancellationToken ct = default) =>
        sender.SendAsync(command, context, g => g.GetGrain<IDonorGrain>(command.Donor).RegisterBankAccountAsync(command, context), ct);
}
