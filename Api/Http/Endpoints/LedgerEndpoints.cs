using System.Globalization;
using FundManager.Ledger;
using FundManager.Funds;

namespace FundManager.Api.Http.Endpoints;

public static class LedgerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Ledger").RequireAuthorization(Policies.Ledger).Refuses(Common.BusinessRule.InvalidFundCode);
        ledger.MapGet("/{fund}/trial-balance", async (string fund, DateOnly? asOf, FundSystem system, CancellationToken ct) =>
            TrialBalanceView.Of(await system.Ledger.TrialBalanceAsync(FundCode.Parse(fund), asOf, ct)));
        ledger.MapGet("/{fund}/entries", async (string fund, DateOnly? from, DateOnly? to, string? cursor, int? limit, FundSystem system, CancellationToken ct) =>
        {
            var size = Paging.Limit(limit);
            var entries = new List<JournalEntry>();
            await foreach (var entry in system.Ledger.EntriesAsync(FundCode.Parse(fund, "fund"), from, to, Paging.Position(cursor), size + 1, ct))
            {
                entries.Add(entry);
            }

            return Paging.Of(entries, size, e => e.Sequence.ToString(CultureInfo.InvariantCulture), JournalEntryView.Of);
        });
        ledger.MapGet("/{fund}/accounts/{account}", async (string fund, string account, DateOnly? from, DateOnly? to, string? cursor, int? limit, FundSystem system, CancellationToken ct) =>
        {
            var size = Paging.Limit(limit);
            var code = AccountInfo.TryParse(account, out var parsed) ? parsed : throw Responses.NotFound();
            var lines = new List<AccountActivityLine>();
            await foreach (var line in system.Ledger.AccountActivityAsync(FundCode.Parse(fund, "fund"), code, from, to, Paging.Position(cursor), size + 1, ct))
            {
                lines.Add(line);
            }

            var page = Paging.Of(lines, size, l => l.Row.ToString(CultureInfo.InvariantCulture), l => l);
            return new AccountActivityView(AccountInfo.Code(code), AccountInfo.Name(code), page.Items, page.NextCursor);
        });
        ledger.MapGet("/verify", async (string? fund, FundSystem system, CancellationToken ct) =>
        {
            var result = await system.Ledger.VerifyAsync(fund is null ? null : FundCode.Parse(fund), ct);
            return new { result.Intact, result.EntriesChecked, BrokenFund = result.BrokenFund?.Value, result.BrokenSequence, result.Problem };
        });
    }
}
