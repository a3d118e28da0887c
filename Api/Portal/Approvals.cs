using FundManager.Common;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;

namespace FundManager.Api.Portal;

/// <summary>What waits for an approver: grants to approve and prepared tranches, each with its fund check.</summary>
public sealed record Approval(Grant Grant, Fund Fund, FundPosition Position, FundCheck Check)
{
    public static readonly IReadOnlyList<string> Steps = [nameof(GrantStep.Approval), nameof(GrantStep.TrancheApproval)];

    public bool IsTranche => Grant.AwaitedStep == GrantStep.TrancheApproval;

    /// <summary>True when <paramref name="user"/> prepared the tranche, and so may not decide on it.</summary>
    public bool PreparedBy(UserId user) => Grant.PreparedTranche?.PreparedBy == user;

    /// <summary>The approvals waiting, oldest grant first, each checked against its fund's position as its grain holds it now.</summary>
    public static async Task<IReadOnlyList<Approval>> WaitingAsync(FundSystem system, IGrainFactory grains, int limit, CancellationToken ct = default) =>
        await OfAsync(system, grains, await system.Entities.ListAsync<Grant, GrantEvent>(new ListingQuery(Entities.EntityKind.Grant, limit) { Awaiting = Steps }, ct), ct);

    /// <summary>The approval one grant waits for, if it waits for one.</summary>
    public static async Task<Approval?> OfAsync(FundSystem system, IGrainFactory grains, Grant grant, CancellationToken ct = default) =>
        grant.Exists ? (await OfAsync(system, grains, [grant], ct)).FirstOrDefault() : null;

    private static async Task<IReadOnlyList<Approval>> OfAsync(FundSystem system, IGrainFactory grains, IReadOnlyList<Grant> grants, CancellationToken ct)
    {
        var funds = new Dictionary<FundCode, (Fund Fund, FundPosition Position)>();
        var approvals = new List<Approval>();
        foreach (var grant in grants)
        {
            if (!funds.TryGetValue(grant.Fund, out var fund))
            {
                var snapshot = await grains.GetGrain<IFundGrain>(grant.Fund.Value).SnapshotAsync();
                var entity = await system.Entities.LoadAsync<Fund, FundEvent>(Entities.StreamId.For(grant.Fund), ct);
                fund = funds[grant.Fund] = (entity, snapshot!.Position);
            }

            if (grant.PendingCheck(fund.Fund) is { } check)
            {
                approvals.Add(new Approval(grant, fund.Fund, fund.Position, check));
            }
        }

        return approvals;
    }
}
