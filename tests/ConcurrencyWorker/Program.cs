using FundManager;
using FundManager.Common;
using FundManager.Grants;
using FundManager.Persistence;

// Usage: FundManager.ConcurrencyWorker <connection> <approver> <start-unix-ms> <grant-id>...
// Waits until the start instant, then approves every grant at once; prints one line per grant:
// "approved <id>" or "refused <id> <rule>".
var connection = args[0];
var approver = new UserId(args[1]);
var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
var grants = args[3..].Select(Guid.Parse).ToList();

await using var system = await FundSystem.OpenAsync(connection, migrate: false);

// Open the connections before the start, so that all approvals really meet at the database together.
await using (var warm = await system.DataSource.OpenConnectionAsync())
{
}

var delay = start - DateTimeOffset.UtcNow;
if (delay > TimeSpan.Zero)
{
    await Task.Delay(delay);
}

var outcomes = await Task.WhenAll(grants.Select(async id =>
{
    try
    {
        await system.Grants.HandleAsync(new ApproveGrant(id, new DateOnly(2025, 1, 15)), new CommandContext(CommandId.New(), approver));
        return $"approved {id}";
    }
    catch (RuleViolation e)
    {
        return $"refused {id} {e.Rule}";
    }
}));

foreach (var outcome in outcomes)
{
    Console.WriteLine(outcome);
}
