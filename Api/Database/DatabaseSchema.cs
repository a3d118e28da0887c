using FundManager.Persistence;

namespace FundManager.Api.Database;

/// <summary>
/// The whole database's migrations, in one version sequence: the domain's (<c>Silo/Persistence/Migrations</c>) and the
/// program's own tables (<c>Api/Database/Migrations</c>: users, the audit log, the Stripe webhook's deliveries, report
/// template versions).
/// </summary>
public static class DatabaseSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.Of(typeof(FundSystem).Assembly, typeof(DatabaseSchema).Assembly);
}
