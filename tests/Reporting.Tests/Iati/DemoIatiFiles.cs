using System.Xml.Linq;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Reporting.Iati;

namespace FundManager.Reporting.Tests.Iati;

/// <summary>The demo funds' IATI files and the grants they should hold, worked out from the entities, not the file.</summary>
public static class DemoIatiFiles
{
    public static readonly string[] Funds = ["VFTC", "UPR-VFTA", "UPR-VFP"];

    public static async Task<byte[]> WriteAsync(FundSystem system, string fund, IatiOptions? options = null)
    {
        using var buffer = new MemoryStream();
        await IatiActivityFile.WriteAsync(system, FundCode.Parse(fund), buffer, options ?? IatiOptions.Default);
        return buffer.ToArray();
    }

    public static XDocument Parse(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        return XDocument.Load(stream);
    }

    /// <summary>Every grant of the fund with a GrantApproved event in its history, and that history.</summary>
    public static async Task<IReadOnlyList<(Grant Grant, IReadOnlyList<object> Events)>> ApprovedGrantsAsync(FundSystem system, string fund)
    {
        var approved = new List<(Grant, IReadOnlyList<object>)>();
        foreach (var grant in await system.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant, FundCode.Parse(fund)))
        {
            var events = (await system.Entities.HistoryAsync(StreamId.For(grant.Id))).Select(e => e.Event).ToList();
            if (events.Any(e => e is GrantApproved))
            {
                approved.Add((grant, events));
            }
        }

        return approved;
    }
}
