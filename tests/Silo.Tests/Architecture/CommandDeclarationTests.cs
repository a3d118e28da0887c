using FundManager.Common;

namespace FundManager.Tests.Architecture;

/// <summary>
/// Every command the domain's services handle declares the rules that can refuse it (<see cref="ICommand"/>), so that
/// the HTTP endpoints that send it and the OpenAPI document take its problems from the command, not from lists of their
/// own; and none declares a rule every command already can meet.
/// </summary>
public sealed class CommandDeclarationTests
{
    [Fact]
    public void Every_command_declares_its_refusals()
    {
        var undeclared = DomainWriteSide.Commands.Where(c => !typeof(ICommand).IsAssignableFrom(c)).Select(c => c.Name).ToList();

        Assert.True(DomainWriteSide.Commands.Count >= 30, $"Only {DomainWriteSide.Commands.Count} commands found.");
        Assert.True(undeclared.Count == 0, "Commands that declare no refusals: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void No_command_repeats_what_every_command_can_meet()
    {
        var repeated = DomainWriteSide.Commands
            .Where(c => typeof(ICommand).IsAssignableFrom(c))
            .SelectMany(c => RefusalsOf(c).Intersect(CommandRefusals.EveryCommand).Select(rule => $"{c.Name}: {rule}"))
            .ToList();

        Assert.True(repeated.Count == 0, string.Join(", ", repeated));
    }

    private static IReadOnlyList<BusinessRule> RefusalsOf(Type command) =>
        (IReadOnlyList<BusinessRule>)command.GetProperty(nameof(ICommand.Refusals))!.GetValue(null)!;
}
