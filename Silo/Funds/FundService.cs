using FundManager.Entities;
using FundManager.Persistence;

namespace FundManager.Funds;

/// <summary>Carries out the commands on funds.</summary>
public sealed class FundService(CommandRunner runner)
{
    public Task<CommandResult> HandleAsync(CreateFund command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var code = FundCode.Parse(command.Code, "code");
            var stream = StreamId.For(code);
            if (await uow.ExistsAsync(stream, token))
            {
                throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, $"A fund with code {code} already exists.", "code", ("fund", code.Value));
            }

            var fund = new Fund();
            var requiresUpr = command.RequiresUprRecommendations ?? code.Value.StartsWith("UPR-", StringComparison.Ordinal);
            uow.Record(stream, fund, Fund.Create(code, command.Name, command.PscRate ?? Fund.DefaultPscRate, command.ReserveRate ?? Fund.DefaultReserveRate, requiresUpr), code);
            uow.OpenLedger(code);
            return new CommandResult(stream.ToString(), fund.Version);
        }, ct);

    public Task<CommandResult> HandleAsync(ChangeFundRates command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var code = FundCode.Parse(command.Fund);
            var stream = StreamId.For(code);
            var fund = await uow.TargetAsync<Fund, FundEvent>(stream, token);
            uow.Record(stream, fund, fund.ChangeRates(command.PscRate, command.ReserveRate), code);
            return new CommandResult(stream.ToString(), fund.Version);
        }, ct);
}
