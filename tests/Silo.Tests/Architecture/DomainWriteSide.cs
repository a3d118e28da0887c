using System.Reflection;

namespace FundManager.Tests.Architecture;

/// <summary>
/// What in the domain writes, found in the domain assembly itself so that a grain, a command or a store added later is
/// covered without editing this list: the architecture tests forbid all of it to Reporting.
/// </summary>
internal static class DomainWriteSide
{
    private static readonly Assembly Domain = typeof(FundSystem).Assembly;

    /// <summary>Orleans, and the domain's cluster namespace: the command sender, the grains' base, a command's outcome.</summary>
    public static IReadOnlyList<string> ClusterNamespaces { get; } = ["Orleans", "FundManager.Cluster"];

    /// <summary>The grains and their interfaces (a fund grain's <c>PostAsync</c> writes the journal).</summary>
    public static IReadOnlyList<Type> Grains { get; } =
        Domain.GetTypes().Where(t => typeof(IGrain).IsAssignableFrom(t)).ToList();

    /// <summary>The command services (<c>FundSystem.Funds</c>, <c>.Grants</c>, …): every type with a <c>HandleAsync</c>.</summary>
    public static IReadOnlyList<Type> CommandServices { get; } =
        Domain.GetTypes().Where(t => HandleMethods(t).Any()).ToList();

    /// <summary>The commands: what the command services handle.</summary>
    public static IReadOnlyList<Type> Commands { get; } =
        CommandServices.SelectMany(HandleMethods).Select(m => m.GetParameters()[0].ParameterType).Distinct().ToList();

    /// <summary>
    /// The writers: every store (by the domain's naming, a <c>…Store</c> records; the read side's readers are
    /// <c>EntityReader</c>, <c>LedgerQueries</c> and <c>ReceiptQueries</c>), the logs, the migrator, the bank statements'
    /// import and their reconciliation (which sends receipts), and what a command hands to them to write.
    /// </summary>
    public static IReadOnlyList<Type> Writers { get; } =
    [
        .. Domain.GetTypes().Where(t => t.Name.EndsWith("Store", StringComparison.Ordinal)),
        typeof(FundManager.Persistence.AuditLog),
        typeof(FundManager.Persistence.CommandLog),
        typeof(FundManager.Persistence.Migrator),
        typeof(FundManager.Persistence.StreamListings),
        typeof(FundManager.Persistence.BankStatementImport),
        typeof(FundManager.Banking.BankReconciliation),
        typeof(FundManager.Persistence.CommandWrite),
        typeof(FundManager.Persistence.GroupedWrite),
        typeof(FundManager.Persistence.StreamChange),
        typeof(FundManager.Persistence.NewEvent),
        typeof(FundManager.Persistence.PostingDraft),
    ];

    private static IEnumerable<MethodInfo> HandleMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == "HandleAsync" && m.GetParameters().Length > 0);
}
