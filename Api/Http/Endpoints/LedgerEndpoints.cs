using System.Globalization;
using FundManager.Common;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Exports;

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
            var code = AccountInfo.TryParse(account, out var parsed) ? parsed : throw Responses.NotFound("account");
            var after = cursor is null ? (AccountActivityPosition?)null : AccountActivityPosition.Parse(cursor, "cursor");
            var lines = await system.Ledger.AccountActivityAsync(FundCode.Parse(fund, "fund"), code, from, to, after, size + 1, ct);
            var page = Paging.Of(lines, size, l => AccountActivityPosition.Of(l).ToString(), l => l);
            return new AccountActivityView(AccountInfo.Code(code), AccountInfo.Name(code), page.Items, page.NextCursor);
        });
        ledger.MapGet("/{fund}/export", async (string fund, string? from, string? to, string? format, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            var request = new LedgerExportRequest(
                FundCode.Parse(fund, "fund"), LedgerExportRequest.ParseDate(from, "from"), LedgerExportRequest.ParseDate(to, "to"), LedgerExportRequest.ParseFormat(format));

            http.Response.ContentType = ReportFiles.Zip;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportFiles.LedgerExportFileName(request)}\"";
            await ReportFiles.LedgerExportAsync(system, request, http.Response.Body, _ => { }, ct);
            return Results.Empty;
        })
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .WithDescription("An auditor's export of the fund's entries dated from `from` to `to` (yyyy-MM-dd, both optional): a zip of "
                + "journal.csv, general-ledger.csv and trial-balance.csv (`format=csv`) or ledger.xlsx (`format=xlsx`), then manifest.json "
                + "(each file's SHA-256 and rows, the stretch of the hash chain, the chain head). Check it offline with `fundmanager export verify`.")
            .Refuses(BusinessRule.InvalidInput, BusinessRule.EntityNotFound);
        ledger.MapGet("/verify", async (string? fund, FundSystem system, CancellationToken ct) =>
        {
            var result = await system.Ledger.VerifyAsync(fund is null ? null : FundCode.Parse(fund), ct);
            return new
            {
                result.Intact, result.EntriesChecked, BrokenFund = result.BrokenFund?.Value, result.BrokenSequence, result.Problem,
                Heads = result.Heads.Select(h => new { Fund = h.Fund.Value, h.Sequence, Hash = h.HashHex }),
            };
        });
    }
}
