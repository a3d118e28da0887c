using FundManager.Entities;
using FundManager.Funds;

namespace FundManager.Persistence;

/// <summary>
/// The events a command appends to one entity's stream, which must follow the version its grain holds
/// (<paramref name="ExpectedVersion"/>), and the entity's listing after them.
/// </summary>
public sealed record StreamChange(string Stream, string Kind, FundCode? Fund, long ExpectedVersion, IReadOnlyList<NewEvent> Events, Listing Listing)
{
    public long Version => ExpectedVersion + Events.Count;
}
