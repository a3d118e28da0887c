using FsCheck;
using FsCheck.Fluent;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Ledger;

/// <summary>
/// FsCheck runs thousands of random commands (announcing, signing, receiving, amending, cancelling, writing off,
/// granting, approving, paying, reporting, revising, closing) and after every one checks that cash never goes
/// negative; after each sequence that the ledger balances, verifies, and equals the fold of the entities' events.
/// </summary>
public sealed class LedgerProperties(DatabaseFixture db, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Sequences = 25;
    private const int SequenceLength = 420;

    [Fact]
    public async Task Random_commands_keep_the_ledger_balanced_verified_and_equal_to_the_events()
    {
        await new Scenario(db.System).RatesAsync();
        var commandsRun = 0;
        var refused = 0;
        var property = Prop.ForAll(
            Arb.From(LedgerOperationGenerator.Sequence(SequenceLength)),
            (List<LedgerOperation> operations) =>
            {
                var run = new LedgerPropertyRun(db.System);
                run.ExecuteAsync(operations).GetAwaiter().GetResult();
                Interlocked.Add(ref commandsRun, run.CommandsSent);
                Interlocked.Add(ref refused, run.Refused);
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Sequences).WithQuietOnSuccess(true), property);

        output.WriteLine($"{commandsRun} commands in {Sequences} sequences, {refused} refused by a rule.");
        Assert.True(commandsRun >= 10_000, $"only {commandsRun} commands ran");

        // Both paths are exercised: most commands pass, and rules refuse a real share.
        Assert.InRange(refused, commandsRun / 20, commandsRun / 2);
    }
}
