using FundManager.Funds;

namespace FundManager.Api.Http.Endpoints;

public static class LedgerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Ledger").RequireAuthorization(Policies.Ledger);
        ledger.MapGet("/{fund}/trial-balance", async (string fund, DateOnly? asOf, FundSystem system, CancellationToken ct) =>
            TrialBalanceView.Of(await system.Ledger.TrialBalanceAsync(FundCode.Parse(fund), asOf, ct)));
        ledger.MapGet("/{fund}/entries", async (string fund, DateOnly? from, DateOnly? to, long? after, int? limit, FundSystem system, CancellationToken ct) =>
        {
            var size = limit ?? Paging.DefaultLimit;
            if (size is < 1 or > Paging.MaxLimit)
            {
                throw Common.RuleViolation.Of(Common.BusinessRule.InvalidInput, $"limit is 1 to {Paging.MaxLimit}.", "limit");
            }

            var entries = new List<JournalEntryView>();
            await foreach (var entry in system.Ledger.EntriesAsync(FundCode.Parse(fund), from, to, ct))
            {
                if (after is null || entry.Sequence > after)
                {
                    entries.Add(JournalEntryView.Of(entry));
                    if (entries.Count > size)
                    {
                        break;
                    }
                }
            }

            var more = entries.Count > size;
            var page = entries.Take(size).ToList();
            return new Page<JournalEntryView>(page, more ? page[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        });
        ledger.MapGet("/{fund}/accounts/{account}", async (string fund, string account, DateOnly? from, DateOnly? to, FundSystem system, CancellationToken ct) =>
        {
            var code = Ledger.AccountInfo.Parse(account);
            var lines = new List<object>();
            decimal running = 0m;
            await foreach (var entry in system.Ledger.EntriesAsync(FundCode.Parse(fund), null, to, ct))
            {
                foreach (var line in entry.Lines.Where(l => l.Account == code))
                {
                    running += line.Debit - line.Credit;
                    if (from is null || entry.Date >= from)
                    {
                        lines.Add(new { entry.Sequence, entry.Date, entry.Description, line.Debit, line.Credit, Balance = running });
                    }
                }
            }

            return new { Account = Ledger.AccountInfo.Code(code), Name = Ledger.AccountInfo.Name(code), Lines = lines, Balance = running };
        });
        ledger.MapGet("/verify", async (string? fund, FundSystem system, CancellationToken ct) =>
        {
            var result = await system.Ledger.VerifyAsync(fund is null ? null : FundCode.Parse(fund), ct);
            return new { result.Intact, result.EntriesChecked, BrokenFund = result.BrokenFund?.Value, result.BrokenSequence, result.Problem };
        });
    }
}
