using FundManager.Cluster;
using FundManager.Entities;
using FundManager.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FundManager.Donors;

/// <summary>Hosts a donor (see <see cref="EntityGrain{TEntity,TEvent}"/>).</summary>
public sealed class DonorGrain(EntityStore store, [FromKeyedServices(BusinessClock.Key)] TimeProvider clock) : EntityGrain<Donor, DonorEvent>(store, clock), IDonorGrain
{
    private DonorId Id => new(this.GetPrimaryKey());

    protected override StreamId Stream => StreamId.For(Id);

    public Task<CommandOutcome> RegisterAsync(RegisterDonor command, CommandContext context) =>
        RunAsync(command, context, decision =>
        {
            var donor = Entity;
            decision.RequireNew(donor, "id", $"Donor {Id} already exists.");
            CountryCode? country = string.IsNullOrWhiteSpace(command.Country) ? null : CountryCode.Parse(command.Country);
            decision.Record(donor, Donor.Register(Id, command.Name, command.Type, country, command.Email), null);
            if (command.PaymentCustomer is { } customer)
            {
                decision.Record(donor, donor.LinkPaymentCustomer(customer), null);
            }

            return Task.FromResult(new CommandResult(Stream.ToString(), donor.Version));
        });

    public Task<CommandOutcome> RenameAsync(RenameDonor command, CommandContext context) =>
        RunAsync(command, context, decision =>
        {
            var donor = decision.Target(Entity);
            decision.Record(donor, donor.Rename(command.Name), null);
            return Task.FromResult(new CommandResult(Stream.ToString(), donor.Version));
        });

    public Task<CommandOutcome> RegisterBankAccountAsync(RegisterBankAccount command, CommandContext context) =>
        RunAsync(command, context, decision =>
        {
            var donor = decision.Target(Entity);
            decision.Record(donor, donor.RegisterBankAccount(command.Iban), null);
            return Task.FromResult(new CommandResult(Stream.ToString(), donor.Version));
        });

    public Task<CommandOutcome> LinkPaymentCustomerAsync(LinkPaymentCustomer command, CommandContext context) =>
        RunAsync(command, context, decision =>
        {
            var donor = decision.Target(Entity);
            decision.Record(donor, donor.LinkPaymentCustomer(command.Customer), null);
            return Task.FromResult(new CommandResult(Stream.ToString(), donor.Version));
        });

    public Task<bool> ExistsAsync() => Task.FromResult(Entity.Exists);
}
