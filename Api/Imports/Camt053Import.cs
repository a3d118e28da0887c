using FundManager.Banking;
using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Persistence;
using FundManager.Pledges;

namespace FundManager.Api.Imports;

/// <summary>
/// Imports camt.053 bank statements, for the command line and the HTTP API alike: read as a stream (see
/// <see cref="Camt053Reader"/>), stored in one transaction (see <see cref="BankStatementImport"/>), and each new credit
/// matched against the pledges and donors as they are now (see <see cref="BankMatcher"/>). A file refused halfway (a
/// statement that does not add up, XML that is not a statement) stores nothing.
/// </summary>
public static class Camt053Import
{
    public static async Task<BankImportResult> ImportAsync(FundSystem system, Stream file, UserId actor, string field, AuditEntry? audit, CancellationToken ct)
    {
        var pledges = system.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge, ct: ct);
        var donors = system.Entities.AllAsync<Donor, DonorEvent>(EntityKind.Donor, ct: ct);
        var matcher = new BankMatcher(await pledges, await donors);
        await using var import = await system.BankEntries.BeginImportAsync(matcher, actor, ct);
        await Camt053Reader.ReadAsync(file, field, s => import.AddStatementAsync(s, ct), (s, e) => import.AddEntryAsync(s, e, ct), ct);
        return await import.CommitAsync(audit, ct);
    }
}
