namespace FundManager.Api.Database;

/// <summary>Where a program finds its database: given explicitly, in <c>FUNDMANAGER_DB</c>, or its private server.</summary>
public static class DatabaseLocation
{
    public const string EnvironmentVariable = "FUNDMANAGER_DB";

    /// <summary>The directory of the private server: <c>.data/postgres</c> beside <c>FundManager.sln</c>, else under the current directory.</summary>
    public static string PrivateServerDirectory(string dataFolder = "postgres") =>
        Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), ".data", dataFolder);

    /// <summary>The connection string to use: the explicit one, then the environment's, then the private server's (started if need be).</summary>
    public static async Task<string> ResolveAsync(string? explicitConnection, Action<string>? log = null, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(explicitConnection))
        {
            return explicitConnection;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return await new PrivatePostgres(PrivateServerDirectory(), log: log).EnsureStartedAsync(ct: ct);
    }

    /// <summary>The nearest directory upwards from the current one (then from the program) that holds FundManager.sln.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FundManager.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
