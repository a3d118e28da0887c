using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FundManager.Reference;

/// <summary>The SDG targets of <c>config/reference/global_targets.yml</c> (keys like <c>16-a-title</c>, folded lines).</summary>
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

    private static SdgCatalog Load()
    {
        var targets = new List<SdgTarget>();
        string? key = null;
        var title = new StringBuilder();
        void Flush()
        {
            if (key is not null)
            {
                var match = KeyPattern().Match(key);
                targets.Add(new SdgTarget($"{match.Groups[1].Value}.{match.Groups[2].Value}", int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), title.ToString().Trim()));
            }

            key = null;
            title.Clear();
        }

        foreach (var line in ReferenceFile.Lines("global_targets.yml"))
        {
            if (line.StartsWith(' '))
            {
                title.Append(' ').Append(line.Trim());
                continue;
            }

            Flush();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && KeyPattern().IsMatch(line[..colon]))
            {
                key = line[..colon];
                title.Append(line[(colon + 1)..].Trim());
            }
        }

        Flush();
        return new SdgCatalog(targets);
    }

    [GeneratedRegex("^([0-9]{1,2})-([0-9a-z]{1,2})-title$")]
    private static partial Regex KeyPattern();
}
