using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;

namespace FundManager.Api.Portal;

/// <summary>The names a page shows for the ids its records hold.</summary>
public static class PortalNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> DonorsAsync(FundSystem system, IEnumerable<Guid> donors, CancellationToken ct = default)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in donors.Distinct())
        {
            names[id] = (await system.Entities.LoadAsync<Donor, DonorEvent>(StreamId.For(new DonorId(id)), ct)).Name;
        }

        return names;
    }
}
