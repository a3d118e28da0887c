using System.CommandLine;

namespace FundManager.Api.Cli;

/// <summary>The <c>fundmanager</c> program: every verb, on the database chosen by <c>--database</c>, <c>FUNDMANAGER_DB</c> or the private server.</summary>
public static class FundManagerCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("FundManager: voluntary trust funds for the implementation of UPR recommendations.");
        root.Options.Add(CliDatabase.Option);
        root.Subcommands.Add(DatabaseVerbs.Migrate());
        root.Subcommands.Add(DatabaseVerbs.Db());
        root.Subcommands.Add(DemoVerb.Build());
        root.Subcommands.Add(LedgerVerbs.Build());
        root.Subcommands.Add(ExportVerbs.Build());
        root.Subcommands.Add(UserVerbs.Build());
        root.Subcommands.Add(ImportVerbs.Build());
        root.Subcommands.Add(ReportVerbs.Build());
        root.Subcommands.Add(ServeVerb.Build());
        root.Subcommands.Add(ClusterVerbs.Silo());
        root.Subcommands.Add(ClusterVerbs.Cluster());
        return root;
    }
}
