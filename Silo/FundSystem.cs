using FundManager.Banking;
using FundManager.Cluster;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Recommendations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FundManager;

/// <summary>
/// The domain as a program uses it: the command services of every entity, which send each command to its grain in the
/// cluster, and the readers of entities, exchange rates and the ledger, which read the database (the truth every grain
/// writes to) directly.
/// </summary>
public sealed class FundSystem
{
    /// <param name="dataSource">The database.</param>
    /// <param name="clock">The clock the program stamps what it records with (the grains use their silo's).</param>
    /// <param name="grains">The cluster's grains, asked for when the first command is sent (a verb that only reads needs none).</param>
    /// <param name="logs">Where a refused command is logged (nowhere when absent).</param>
    public FundSystem(NpgsqlDataSource dataSource, TimeProvider clock, Func<CancellationToken, ValueTask<IGrainFactory>> grains, ILoggerFactory? logs = null)
    {
        DataSource = dataSource;
        Clock = clock;
        var sender = new CommandSender(grains, logs?.CreateLogger<CommandSender>());
        Funds = new FundService(sender);
        Donors = new DonorService(sender);
        Pledges = new PledgeService(sender);
        Grants = new GrantService(sender);
        Recommendations = new RecommendationService(sender);
        Rates = new ExchangeRateStore(dataSource, clock);
        Entities = new EntityReader(dataSource, new EntityCache());
        Ledger = new LedgerQueries(dataSource);
        JournalSums = new JournalSums(dataSource);
        Receipts = new ReceiptQueries(dataSource);
        BankEntries = new BankEntryStore(dataSource, clock);
        Reconciliation = new BankReconciliation(BankEntries, Pledges);
    }

    public NpgsqlDataSource DataSource { get; }

    public TimeProvider Clock { get; }

    public FundService Funds { get; }

    public DonorService Donors { get; }

    public PledgeService Pledges { get; }

    public GrantService Grants { get; }

    public RecommendationService Recommendations { get; }

    public ExchangeRateStore Rates { get; }

    public EntityReader Entities { get; }

    public LedgerQueries Ledger { get; }

    /// <summary>The sums of the journal that readers start from (see <see cref="Ledger.JournalSums"/>).</summary>
    public JournalSums JournalSums { get; }

    public ReceiptQueries Receipts { get; }

    public BankEntryStore BankEntries { get; }

    public BankReconciliation Reconciliation { get; }

    /// <summary>
    /// The data source every part of the program shares: statements run thousands of times, so Npgsql prepares them,
    /// and sessions are kept as they are between uses.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, NoResetOnClose = true }.ConnectionString);

    /// <summary>The domain's own migrations; the program adds its own tables' (<see cref="Migration.Of"/>).</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.In(typeof(FundSystem).Assembly);

    /// <summary>Applies any of <paramref name="migrations"/> missing, then lists the streams written before listings existed.</summary>
    public static async Task PrepareDatabaseAsync(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await Migrator.ApplyAsync(dataSource, migrations, ct);
        await StreamListings.RefreshStaleAsync(dataSource, new EntityReader(dataSource, new EntityCache()), ct);
    }
}
