using FundManager.Common;

namespace FundManager.Api.Http;

/// <summary>
/// Endpoint metadata: the business rules an endpoint can refuse with, besides those every command can
/// (<see cref="CommandRefusals.EveryCommand"/>). The OpenAPI document lists them, by status, as the endpoint's problem
/// types. An endpoint that sends one command takes them from the command (<see cref="ICommand.Refusals"/>).
/// </summary>
public sealed record Refusals(IReadOnlyList<BusinessRule> Rules);

public static class RefusalsExtensions
{
    /// <summary>Declares the rules this endpoint can refuse with (see <see cref="Refusals"/>), for what sends no single command.</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params BusinessRule[] rules)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Refusals(rules));

    /// <summary>Declares that this endpoint sends <typeparamref name="TCommand"/>, and so refuses with what the command declares.</summary>
    public static RouteHandlerBuilder Sends<TCommand>(this RouteHandlerBuilder builder)
        where TCommand : ICommand =>
        builder.WithMetadata(new Refusals(TCommand.Refusals));
}
