using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Funds;

/// <summary>Sends the commands on funds to their grains.</summary>
public sealed class FundService(CommandSender sender)
{
    public Task<CommandResult> HandleAsync(CreateFund command, CommandContext context, CancellationToken ct = default)
    {
        var code = FundCode.Parse(command.Code, "code");
        return sender.SendAsync(command, context, g => g.GetGrain<IFundGrain>(code.Value).CreateAsync(command, context), ct);
    }

    public Task<CommandResult> HandleAsync(ChangeFundRates command, CommandContext context, CancellationToken ct = default)
    {
        var code = FundCode.Parse(command.Fund);
        return sender.SendAsync(command, context, g => g.GetGrain<IFundGrain>(code.Value).ChangeRatesAsync(command, context), ct);
    }
}
