using FundManager.Persistence;

namespace FundManager.Cluster;

/// <summary>What a grain answers a command its write or its rules turned down: the first result when the id was carried out before.</summary>
internal static class CommandReplay
{
    /// <summary>
    /// The first result of the command id when the command log holds it (the command was carried out already, and this
    /// refusal is its own effect), its reuse for another command when the body differs, and otherwise <paramref name="otherwise"/>.
    /// </summary>
    public static async Task<CommandOutcome> ReplayOrAsync(this EntityStore store, CommandContext context, byte[] bodyHash, CommandOutcome otherwise)
    {
        try
        {
            return await store.ReplayAsync(context.Id, bodyHash, CancellationToken.None) is { } replay ? CommandOutcome.Done(replay) : otherwise;
        }
        catch (RuleViolation reused)
        {
            return CommandOutcome.Refused(reused);
        }
    }
}
