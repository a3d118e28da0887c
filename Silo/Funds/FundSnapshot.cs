using FundManager.Grants;
using FundManager.Persistence;

namespace FundManager.Funds;

/// <summary>
/// A fund as its grain holds it at one moment: its history (to rebuild the <see cref="Fund"/> the caller decides with)
/// and its position on the ledger. <see cref="Version"/> is the fund's version, which a decision that read the fund's
/// rates says it expects.
/// </summary>
[Immutable]
public sealed record FundSnapshot(IReadOnlyList<NewEvent> History, FundPosition Position)
{
    public long Version => History.Count;

    /// <summary>The fund, rebuilt from its history.</summary>
    public Fund Fund()
    {
        var fund = new Fund();
        foreach (var e in History)
        {
            fund.Apply((FundEvent)System.Text.Json.JsonSerializer.Deserialize(e.Json, EventTypes.TypeOf(e.Type), Persistence.Json.StoredJson.Options)!);
        }

        return fund;
    }
}
