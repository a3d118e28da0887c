using FundManager.Entities;
using FundManager.Persistence;

namespace FundManager.Donors;

/// <summary>Carries out the commands on donors.</summary>
public sealed class DonorService(CommandRunner runner)
{
    public Task<CommandResult> HandleAsync(RegisterDonor command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var id = new DonorId(command.Id ?? Guid.NewGuid());
            var stream = StreamId.For(id);
            if (await uow.ExistsAsync(stream, token))
            {
                throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, $"Donor {id} already exists.", "id", ("donor", id.ToString()));
            }

            CountryCode? country = string.IsNullOrWhiteSpace(command.Country) ? null : CountryCode.Parse(command.Country);
            var donor = new Donor();
            uow.Record(stream, donor, Donor.Register(id, command.Name, command.Type, country), null);
            return new CommandResult(stream.ToString(), donor.Version);
        }, ct);

    public Task<CommandResult> HandleAsync(RenameDonor command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var stream = StreamId.For(new DonorId(command.Donor));
            var donor = await uow.TargetAsync<Donor, DonorEvent>(stream, token);
            uow.Record(stream, donor, donor.Rename(command.Name), null);
            return new CommandResult(stream.ToString(), donor.Version);
        }, ct);
}
