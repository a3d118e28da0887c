namespace FundManager.Common;

/// <summary>
/// A command of the domain. It declares, next to its rules, the business rules that can refuse it beyond those any command
/// can meet (<see cref="CommandRefusals.EveryCommand"/>), so that whatever sends it (an HTTP endpoint, the OpenAPI
/// document) takes its problems from here rather than from a list of its own.
/// </summary>
public interface ICommand
{
    static abstract IReadOnlyList<BusinessRule> Refusals { get; }
}
