using System.Text.Json;
using System.Text.Json.Serialization;
using FundManager.Common;
using FundManager.Persistence;

namespace FundManager.Api.Demo;

/// <summary>
/// Sends the demo data sets' commands. A command's id is derived from what the command is (its type and every field),
/// not from its place in the load: adding a command to a data set changes no other command's id, and a load interrupted
/// half-way, run again, replays what it already did instead of posting it twice.
/// </summary>
public sealed class DemoCommand
{
    private static readonly JsonSerializerOptions Fields = new() { Converters = { new JsonStringEnumConverter() } };
    private readonly HashSet<Guid> _sent = [];

    /// <summary>The command's id: the same command always has the same id.</summary>
    public static CommandId IdOf(object command) =>
        new(DemoIds.For("command", $"{command.GetType().Name} {JsonSerializer.Serialize(command, command.GetType(), Fields)}"));

    /// <summary>
    /// The context to send <paramref name="command"/> in as <paramref name="user"/>. Two identical commands in one data
    /// set would share an id, so the second would silently do nothing: that is refused as a mistake in the data set.
    /// </summary>
    public CommandContext ContextFor(object command, string user)
    {
        var id = IdOf(command);
        if (!_sent.Add(id.Value))
        {
            throw new InvalidOperationException($"The demo data set holds the same command twice: {command}.");
        }

        return new CommandContext(id, new UserId(user));
    }

    /// <summary>
    /// Sends <paramref name="command"/> as <paramref name="user"/> through <paramref name="handle"/>; a cancelled load
    /// stops between two commands (a command once sent to its grain runs to its end).
    /// </summary>
    public Task<CommandResult> SendAsync<TCommand>(TCommand command, string user, Handler<TCommand> handle, CancellationToken ct)
        where TCommand : notnull
    {
        ct.ThrowIfCancellationRequested();
        return handle(command, ContextFor(command, user), ct);
    }

    /// <summary>A service's handler of one kind of command.</summary>
    public delegate Task<CommandResult> Handler<in TCommand>(TCommand command, CommandContext context, CancellationToken ct);
}
