using FundManager.Common;
using FundManager.Funds;

namespace FundManager.Entities;

/// <summary>
/// The identity of one single-writer entity's history, as stored: <c>kind/key</c>,
/// for example <c>pledge/3f2a…</c> or <c>fund/UPR-VFTA</c>.
/// </summary>
public readonly record struct StreamId(string Kind, string Key)
{
    public static StreamId For(FundCode fund) => new(EntityKind.Fund, fund.Value);

    public static StreamId For(DonorId donor) => new(EntityKind.Donor, donor.ToString());

    public static StreamId For(PledgeId pledge) => new(EntityKind.Pledge, pledge.ToString());

    public static StreamId For(GrantId grant) => new(EntityKind.Grant, grant.ToString());

    public static StreamId ForRecommendation(string recommendationId) => new(EntityKind.Recommendation, recommendationId);

    public static StreamId Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        Preconditions.Require(slash > 0, nameof(value), $"'{value}' is not a stream id.");
        return new StreamId(value[..slash], value[(slash + 1)..]);
    }

    public override string ToString() => $"{Kind}/{Key}";
}
