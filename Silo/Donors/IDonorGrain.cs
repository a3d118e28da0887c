using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Donors;

/// <summary>A donor, keyed by its id.</summary>
public interface IDonorGrain : IGrainWithGuidKey
{
    Task<CommandOutcome> RegisterAsync([Immutable] RegisterDonor command, CommandContext context);

    Task<CommandOutcome> RenameAsync([Immutable] RenameDonor command, CommandContext context);

    Task<CommandOutcome> RegisterBankAccountAsync([Immutable] RegisterBankAccount command, CommandContext context);

    Task<CommandOutcome> LinkPaymentCustomerAsync([Immutable] LinkPaymentCustomer command, CommandContext context);

    Task<bool> ExistsAsync();
}
