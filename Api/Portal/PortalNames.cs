using FundManager.Common;
using FundManager.Entities;

namespace FundManager.Api.Portal;

/// <summary>The names a page shows for the ids its records hold.</summary>
public static class PortalNames
{
    /// <summary>Each donor's name, from the donors' listings in one read (a donor not found keeps its id).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> DonorsAsync(FundSystem system, IEnumerable<Guid> donors, CancellationToken ct = default)
    {
        var ids = donors.Distinct().ToList();
        var labels = await system.Entities.LabelsAsync(ids.Select(id => StreamId.For(new DonorId(id))), ct);
        return ids.ToDictionary(id => id, id => labels.GetValueOrDefault(StreamId.For(new DonorId(id))) ?? id.ToString());
    }
}
