using System.Globalization;
using FundManager.Api.Imports;
using FundManager.Banking;
using FundManager.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Bank statements (camt.053) imported, their entries matched, and credits confirmed as receipts.</summary>
public static class BankStatementEndpoints
{
    /// <summary>A statement file may be large (a year of a busy account); it is read as a stream, so only its size is capped.</summary>
    public const long MaxStatementBytes = 512L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/bank-statements", ImportAsync)
            .WithTags("Bank statements")
            .WithDescription("Body: an ISO 20022 camt.053 message (versions .001.02 to .001.08), read as a stream. All of it is stored or none: a statement whose closing balance is not its opening balance plus its booked entries is refused, naming the difference, as are malformed XML, another namespace and any DTD. A statement (message id, account, statement id) or entry (account, servicer's reference) imported before is left as it was. Each new booked credit is matched to an open instalment: by our reference (the pledge's id) or the agreement reference in the remittance information, else by the debtor's registered IBAN or name with an instalment it pays within 1% (never more than it). Answers the counts: statements and entries read and new, and the new entries proposed, in suspense, debits and pending.")
            .RequireAuthorization(Policies.Officer);

        var entries = api.MapGroup("/bank-entries").WithTags("Bank statements");
        entries.MapGet("/", ListAsync)
            .WithDescription("Entries of imported statements in the order imported: status proposed (a match to confirm), suspense (nothing matched), confirmed, debit (money out, such as bank charges) or pending (not booked).")
            .RequireAuthorization(Policies.Secretariat);
        entries.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Secretariat);
        entries.MapPost("/{id:long}/confirm", ConfirmAsync)
            .WithDescription("Records the credit as a receipt (channel BankTransfer, reference the bank's, received on its booking date): with an empty body on the pledge and instalment proposed; with pledge, on that pledge (oldest instalment first); with donor and fund, as a gift with no pledge. Confirming again answers the entry as it stands and records nothing.")
            .RequireAuthorization(Policies.Officer)
            .Refuses([
                BusinessRule.BankEntryNotACredit, BusinessRule.BankEntryUnmatched, BusinessRule.PledgeNotSigned, BusinessRule.ReceiptCurrencyDiffersFromPledge,
                BusinessRule.DuplicateReceiptReference, BusinessRule.ReceiptExceedsOutstanding, BusinessRule.UnknownInstalment, BusinessRule.NoExchangeRate,
                BusinessRule.InvalidFundCode]);
    }

    public static async Task<Ok<BankImportResult>> ImportAsync(HttpRequest request, FundSystem system, CancellationToken ct)
    {
        var http = request.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxStatementBytes;
        }

        var result = await Camt053Import.ImportAsync(system, request.Body, http.User(), "body", AuditTrail.EntryFor(http, StatusCodes.Status200OK), ct);
        AuditTrail.Written(http);
        return TypedResults.Ok(result);
    }

    public static async Task<Ok<Page<BankEntryView>>> ListAsync(BankEntryStatus? status, string? account, string? cursor, int? limit, FundSystem system, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        var found = await system.BankEntries.FindAsync(status, account, Paging.Position(cursor), size + 1, ct);
        return TypedResults.Ok(Paging.Of(found, size, e => e.Position.ToString(CultureInfo.InvariantCulture), BankEntryView.Of));
    }

    public static async Task<Ok<BankEntryView>> GetAsync(long id, FundSystem system, CancellationToken ct) =>
        await system.BankEntries.FindAsync(id, ct) is { } entry ? TypedResults.Ok(BankEntryView.Of(entry)) : throw Responses.NotFound();

    public static async Task<Ok<BankEntryView>> ConfirmAsync(long id, ConfirmBankEntryRequest? body, HttpContext http, FundSystem system, CancellationToken ct)
    {
        var (entry, recorded) = await system.Reconciliation.ConfirmAsync(
            new ConfirmBankEntry(id, body?.Pledge, body?.Donor, body?.Fund), http.User(), AuditTrail.EntryFor(http, StatusCodes.Status200OK), ct);
        if (recorded)
        {
            AuditTrail.Written(http);
        }

        return TypedResults.Ok(BankEntryView.Of(entry));
    }
}
