using System.Globalization;
using System.Reflection;

namespace FundManager.Persistence;

/// <summary>
/// One versioned SQL migration, embedded in the assembly whose tables it creates as
/// <c>Persistence/Migrations/NNNN_name.sql</c> (the domain's) or <c>Database/Migrations/NNNN_name.sql</c> (the
/// program's own: users, audit, templates). Versions are one sequence across assemblies, so the order is total.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    private const string Folder = ".Migrations.";

    /// <summary>The migrations embedded in <paramref name="assembly"/>, in version order.</summary>
    public static IReadOnlyList<Migration> In(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.Contains(Folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.LastIndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..^4];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(file[..4], CultureInfo.InvariantCulture), file, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();

    /// <summary>The migrations of several assemblies as one sequence; a version found twice is a build mistake.</summary>
    public static IReadOnlyList<Migration> Of(params Assembly[] assemblies)
    {
        var all = assemblies.SelectMany(In).OrderBy(m => m.Version).ToList();
        var twice = all.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? all
            : throw new InvalidOperationException($"Migration version {twice.Key} is used by {string.Join(" and ", twice.Select(m => m.Name))}.");
    }
}
