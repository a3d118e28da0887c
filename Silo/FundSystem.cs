using FundManager.Donors;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Recommendations;
using Npgsql;

namespace FundManager;

/// <summary>
/// The domain on one database: the command services of every entity, exchange rates, and the
/// readers of entities and the ledger. Opening it applies any missing migration.
/// </summary>
public sealed class FundSystem : IAsyncDisposable
{
    private FundSystem(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        DataSource = dataSource;
        Clock = clock;
        // Commands and reads share one cache of entities' events, as one activated grain serves both.
        var cache = new EntityCache();
        var runner = _runner = new CommandRunner(dataSource, clock, cache);
        Funds = new FundService(runner);
        Donors = new DonorService(runner);
        Pledges = new PledgeService(runner);
        Grants = new GrantService(runner);
        Recommendations = new RecommendationService(runner);
        Rates = new ExchangeRateStore(dataSource, clock);
        Entities = new EntityReader(dataSource, cache);
        Ledger = new LedgerQueries(dataSource);
        Receipts = new ReceiptQueries(dataSource);
    }

    private readonly CommandRunner _runner;

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

    public ReceiptQueries Receipts { get; }

    public static async Task<FundSystem> OpenAsync(string connectionString, TimeProvider? clock = null, bool migrate = true, CancellationToken ct = default)
    {
        // Statements run thousands of times: let Npgsql prepare them, and keep sessions as they are between uses.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, NoResetOnClose = true };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            if (migrate)
            {
                await Migrator.ApplyAsync(dataSource, ct);
            }

            var system = new FundSystem(dataSource, clock ?? TimeProvider.System);
            if (migrate)
            {
                // Streams written before listings existed are listed once; afterwards every command keeps its own.
                await StreamListings.RefreshStaleAsync(dataSource, system.Entities, ct);
            }

            return system;
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends every command of <paramref name="work"/> in one transaction (see <see cref="CommandRunner.InOneTransactionAsync"/>).</summary>
    public Task InOneTransactionAsync(Func<Task> work, CancellationToken ct = default) => _runner.InOneTransactionAsync(work, ct);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
