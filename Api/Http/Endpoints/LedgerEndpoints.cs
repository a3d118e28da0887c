using System.Globalization;
using FundManager.Common;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>The ledger as accountants and auditors read it: trial balance, journal, an account's activity, the export, the chain's check.</summary>
public static class LedgerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Ledger").RequireAuthorization(Policies.Ledger).Refuses(BusinessRule.InvalidFundCode);
        ledger.MapGet("/{fund}/trial-balance", TrialBalanceAsync);
        ledger.MapGet("/{fund}/entries", EntriesAsync);
        ledger.MapGet("/{fund}/accounts/{account}", AccountActivityAsync);
        ledger.MapGet("/{fund}/export", ExportAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .WithDescription("An auditor's export of the fund's entries dated from `from` to `to` (yyyy-MM-dd, both optional): a zip of "
                + "journal.csv, general-ledger.csv and trial-balance.csv (`format=csv`) or ledger.xlsx (`format=xlsx`), then manifest.json "
                + "(each file's SHA-256 and rows, the stretch of the hash chain, the chain head). Check it offline with `fundmanager export verify`.")
            .Refuses(BusinessRule.InvalidInput, BusinessRule.EntityNotFound);
        ledger.MapGet("/verify", VerifyAsync);
    }

    public static async Task<Ok<TrialBalanceView>> TrialBalanceAsync(string fund, DateOnly? asOf, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(TrialBalanceView.Of(await system.Ledger.TrialBalanceAsync(FundCode.Parse(fund), asOf, ct)));

    public static async Task<Ok<Page<JournalEntryView>>> EntriesAsync(
        string fund, DateOnly? from, DateOnly? to, string? cursor, int? limit, FundSystem system, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        var entries = new List<JournalEntry>();
        await foreach (var entry in system.Ledger.EntriesAsync(FundCode.Parse(fund, "fund"), from, to, Paging.Position(cursor), size + 1, ct))
        {
            entries.Add(entry);
        }

        return TypedResults.Ok(Paging.Of(entries, size, e => e.Sequence.ToString(CultureInfo.InvariantCulture), JournalEntryView.Of));
    }

    public static async Task<Ok<AccountActivityView>> AccountActivityAsync(
        string fund, string account, DateOnly? from, DateOnly? to, string? cursor, int? limit, FundSystem system, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        var code = AccountInfo.TryParse(account, out var parsed) ? parsed : throw Responses.NotFound("account");
        var after = cursor is null ? (AccountActivityPosition?)null : AccountActivityPosition.Parse(cursor, "cursor");
        var lines = await system.Ledger.AccountActivityAsync(FundCode.Parse(fund, "fund"), code, from, to, after, size + 1, ct);
        var page = Paging.Of(lines, size, l => AccountActivityPosition.Of(l).ToString(), l => l);
        return TypedResults.Ok(new AccountActivityView(AccountInfo.Code(code), AccountInfo.Name(code), page.Items, page.NextCursor));
    }

    /// <summary>Streams the export into the response as it is made: a million lines need no more memory than a hundred.</summary>
    public static async Task<EmptyHttpResult> ExportAsync(string fund, string? from, string? to, string? format, HttpContext http, FundSystem system, CancellationToken ct)
    {
        var request = new LedgerExportRequest(
            FundCode.Parse(fund, "fund"), LedgerExportRequest.ParseDate(from, "from"), LedgerExportRequest.ParseDate(to, "to"), LedgerExportRequest.ParseFormat(format));

        http.Response.ContentType = ReportFiles.Zip;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportFiles.LedgerExportFileName(request)}\"";
        await ReportFiles.LedgerExportAsync(system, request, http.Response.Body, _ => { }, ct);
        return TypedResults.Empty;
    }

    public static async Task<Ok<LedgerVerificationView>> VerifyAsync(string? fund, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(LedgerVerificationView.Of(await system.Ledger.VerifyAsync(fund is null ? null : FundCode.Parse(fund), ct)));
}

/// <summary>The hash chain's check: intact or where it breaks, and each fund's chain head.</summary>
public sealed record LedgerVerificationView(bool Intact, long EntriesChecked, string? BrokenFund, long? BrokenSequence, string? Problem, IReadOnlyList<ChainHeadView> Heads)
{
    public static LedgerVerificationView Of(VerificationResult result) => new(
        result.Intact, result.EntriesChecked, result.BrokenFund?.Value, result.BrokenSequence, result.Problem,
        result.Heads.Select(h => new ChainHeadView(h.Fund.Value, h.Sequence, h.HashHex)).ToList());
}

/// <summary>A fund's chain head: its last entry's sequence and hash.</summary>
public sealed record ChainHeadView(string Fund, long Sequence, string Hash);
