using System.Reflection;
using FundManager.Funds;
using NetArchTest.Rules;

namespace FundManager.Tests.Architecture;

/// <summary>
/// The boundaries between the projects (STYLE.md, "Boundaries you can see"): the domain (<c>Silo</c>) serves nothing,
/// starts nothing and looks for no repository root; nothing in the domain is about reports; <c>Reporting</c> only reads.
/// Each rule names what it forbids, so a reference added across a boundary fails here with the types that made it.
/// </summary>
public sealed class ProjectDependencyTests
{
    private static readonly Assembly Domain = typeof(FundSystem).Assembly;
    private static readonly Assembly Reporting = typeof(FundManager.Reporting.Figures.FundYearBuilder).Assembly;
    private static readonly Assembly Program = typeof(FundManager.Api.Database.PrivatePostgres).Assembly;

    [Fact]
    public void The_programs_own_tables_migrate_from_the_program()
    {
        // users, audit_log, report_template_versions and the Stripe webhook's tables are the program's (sign-in, the HTTP
        // audit trail, the editors' templates, online giving's deliveries); the domain's commands write their audit record
        // into audit_log, but do not create it.
        string[] own =
        [
            "create table users", "create table audit_log", "create table report_template_versions",
            "create table stripe_events", "create table stripe_signatures", "create table webhook_deliveries",
        ];
        var domain = FundManager.Persistence.Migration.In(Domain);
        var program = FundManager.Persistence.Migration.In(Program);
        Assert.All(own, table => Assert.DoesNotContain(domain, m => m.Sql.Contains(table, StringComparison.OrdinalIgnoreCase)));
        Assert.All(own, table => Assert.Contains(program, m => m.Sql.Contains(table, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(FundManager.Api.Database.DatabaseSchema.Migrations.Count, domain.Count + program.Count);
    }

    [Fact]
    public void The_domain_references_no_http()
    {
        AssertNoDependency(Domain, "Microsoft.AspNetCore", "System.Net.Http", "System.Net.HttpListener");
        AssertNoAssemblyReference(Domain, "Microsoft.AspNetCore", "System.Net.Http", "System.Net.HttpListener");
    }

    [Fact]
    public void The_domain_starts_no_servers()
    {
        // The program (Api) starts the private PostgreSQL server (a process), the silo's host and Kestrel; the domain is
        // handed a database and a grain factory. Sockets would be a server of its own.
        AssertNoDependency(
            Domain,
            "FundManager.Api",
            "System.Diagnostics.Process",
            "System.Net.Sockets",
            "Microsoft.Extensions.Hosting",
            "Orleans.Hosting.ISiloBuilder");
        AssertNoAssemblyReference(Domain, Program.GetName().Name!, "Microsoft.Extensions.Hosting", "System.Net.Sockets");
    }

    [Fact]
    public void The_domain_looks_for_no_repository_root()
    {
        // Its reference data travels inside its assembly; finding FundManager.sln or .data is the program's business.
        AssertNoDependency(Domain, "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.File", "System.IO.FileInfo", "System.IO.Path");
    }

    [Fact]
    public void The_domain_knows_nothing_of_reports()
    {
        // Queries only a report asks belong with the reports: none of the domain's types lives in a reporting namespace,
        // and the domain refers to nothing of Reporting's.
        var inReportingNamespaces = Types.InAssembly(Domain).That().ResideInNamespace("FundManager.Reporting").GetTypes();
        Assert.Empty(inReportingNamespaces);
        AssertNoDependency(Domain, "FundManager.Reporting");
        AssertNoAssemblyReference(Domain, Reporting.GetName().Name!);
    }

    [Fact]
    public void Reporting_talks_to_no_grain()
    {
        Assert.Contains(typeof(IFundGrain), DomainWriteSide.Grains);
        AssertNoDependency(Reporting, [.. DomainWriteSide.ClusterNamespaces, .. Names(DomainWriteSide.Grains)]);
    }

    [Fact]
    public void Reporting_sends_no_commands()
    {
        Assert.Contains(typeof(FundService), DomainWriteSide.CommandServices);
        Assert.Contains(typeof(CreateFund), DomainWriteSide.Commands);
        AssertNoDependency(Reporting, [.. Names(DomainWriteSide.CommandServices), .. Names(DomainWriteSide.Commands)]);
    }

    [Fact]
    public void Reporting_uses_none_of_the_domains_writers()
    {
        Assert.Contains(typeof(FundManager.Persistence.EntityStore), DomainWriteSide.Writers);
        AssertNoDependency(Reporting, [.. Names(DomainWriteSide.Writers)]);
    }

    private static IEnumerable<string> Names(IEnumerable<Type> types) => types.Select(t => t.FullName!);

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden)
    {
        // Orleans' source generator adds its serializers' metadata to every assembly that sees Orleans' types, Reporting
        // included; that code is Orleans', not the project's, and talks to no grain.
        var written = Types.InAssembly(assembly).That().DoNotResideInNamespace("OrleansCodeGen");
        var result = written.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(
            result.IsSuccessful,
            $"{assembly.GetName().Name} depends on what it must not ({string.Join(", ", forbidden)}): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static void AssertNoAssemblyReference(Assembly assembly, params string[] forbidden)
    {
        var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.DoesNotContain(references, name => forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)));
    }
}
