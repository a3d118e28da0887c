using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace FundManager.Reference;

/// <summary>The SDG targets of <c>config/reference/global_targets.yml</c> (keys like <c>16-a-title</c>), read with YamlDotNet.</summary>
public sealed partial class SdgCatalog
{
    private readonly Dictionary<string, SdgTarget> _byId;

    private SdgCatalog(IEnumerable<SdgTarget> targets) => _byId = targets.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public static SdgCatalog Default { get; } = Load();

    /// <summary>Every target, in goal and target order.</summary>
    public IReadOnlyList<SdgTarget> All => _byId.Values.OrderBy(t => t.Goal).ThenBy(t => t.Id.Length).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

    /// <summary>Finds a target by id (<c>16.3</c>, <c>16.a</c>; case-insensitive), or null.</summary>
    public SdgTarget? Find(string? id) =>
        id is null ? null : _byId.GetValueOrDefault(id.Trim().ToLowerInvariant());

    // The file also holds the goals' titles and other keys; only the targets' titles are kept.
    private static SdgCatalog Load()
    {
        using var reader = ReferenceFile.Open("global_targets.yml");
        var entries = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(reader);
        return new SdgCatalog(entries
            .Select(entry => (Match: KeyPattern().Match(entry.Key), Title: entry.Value))
            .Where(entry => entry.Match.Success)
            .Select(entry => new SdgTarget(
                $"{entry.Match.Groups[1].Value}.{entry.Match.Groups[2].Value}",
                int.Parse(entry.Match.Groups[1].Value, CultureInfo.InvariantCulture),
                entry.Title.Trim())));
    }

    [GeneratedRegex("^([0-9]{1,2})-([0-9a-z]{1,2})-title$")]
    private static partial Regex KeyPattern();
}
