using FundManager.Common;
using FundManager.Persistence;

namespace FundManager.Api.Imports;

/// <summary>
/// Imports a UN operational rates table (see <see cref="UnRatesTable"/>) for the command line and the HTTP API alike: every
/// rate or none, in one transaction with the request's audit record. A rate already recorded for its currency and date is
/// left as it is; a different one is refused, naming its line.
/// </summary>
public static class RateImport
{
    public static async Task<RateImportResult> ImportAsync(ExchangeRateStore rates, Stream file, DateOnly? effectiveOn, string field, AuditEntry? audit, CancellationToken ct)
    {
        var rows = await TableFile.ReadAsync(file, UnRatesTable.MaxRates + 1, field, ct);
        var lines = UnRatesTable.Parse(rows, effectiveOn, field);
        try
        {
            var added = await rates.RecordAsync(lines.Select(l => l.Rate), ct, audit);
            return new RateImportResult(lines.Count, added);
        }
        catch (RuleViolation e) when (e.Rule == BusinessRule.ExchangeRateConflict
            && lines.FirstOrDefault(l => l.Rate.Currency.Code.Equals(e.Context["currency"]) && l.Rate.EffectiveOn.Equals(e.Context["effectiveOn"])) is { } line)
        {
            throw LineRefusal.Of(e, line.Line, field);
        }
    }
}
