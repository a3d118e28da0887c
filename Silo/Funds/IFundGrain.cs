using FundManager.Cluster;
using FundManager.Grants;
using FundManager.Persistence;

namespace FundManager.Funds;

/// <summary>
/// A fund, keyed by its code: the only writer of its journal in the whole cluster. Every posting for the fund reaches it
/// as a <see cref="CommandWrite"/>; it applies the fund-level checks to its balances, chains the entries and writes them
/// in one transaction with everything else the command writes, grouping the postings that arrive while a transaction
/// commits into the next one.
/// </summary>
public interface IFundGrain : IGrainWithStringKey
{
    Task<CommandOutcome> CreateAsync([Immutable] CreateFund command, CommandContext context);

    Task<CommandOutcome> ChangeRatesAsync([Immutable] ChangeFundRates command, CommandContext context);

    /// <summary>The fund and its position now, or null when there is no such fund.</summary>
    Task<FundSnapshot?> SnapshotAsync();

    /// <summary>
    /// The fund's position now, or null when there is no such fund: all that a payment or a budget revision is decided
    /// on, without the fund's history that a <see cref="SnapshotAsync"/> carries.
    /// </summary>
    Task<FundPosition?> PositionAsync();

    Task<bool> ExistsAsync();

    /// <summary>The silo this activation runs on: the fund's pledges and grants are placed beside it.</summary>
    Task<SiloAddress> HostAsync();

    /// <summary>
    /// Writes a command of one of the fund's entities (a pledge, a grant), whether it posts to the fund or not, in the
    /// next group commit.
    /// </summary>
    Task<WriteOutcome> PostAsync(CommandWrite write);
}
