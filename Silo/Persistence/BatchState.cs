using FundManager.Finance;
using FundManager.Funds;

namespace FundManager.Persistence;

/// <summary>
/// What the commands of one batch transaction share (<see cref="CommandRunner.InOneTransactionAsync"/>): the ledger
/// heads they hold locked until the batch commits (so later commands need not read them again), and the exchange
/// rates already read.
/// </summary>
internal sealed class BatchState
{
    public Dictionary<FundCode, (long Seq, byte[] Hash)> Heads { get; } = [];

    public Dictionary<(CurrencyCode Currency, DateOnly On), ExchangeRateTable> Rates { get; } = [];
}
