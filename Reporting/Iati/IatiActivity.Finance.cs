using System.Xml.Linq;
using FundManager.Finance;
using FundManager.Funds;
using FundManager.Grants;

namespace FundManager.Reporting.Iati;

internal static partial class IatiActivity
{
    /// <summary>
    /// One budget per year of the direct budget, its period the part of that year the grant runs (IATI allows at most a
    /// year per budget). The budget as approved is the original (type 1); a year that a later revision changed, added or
    /// removed also gets its revised amount (type 2), so the latest budget of every year adds up to the direct budget.
    /// </summary>
    private static IEnumerable<XElement> Budgets(IatiGrant record)
    {
        var period = record.Grant.Details.Period;
        var current = record.Grant.Budget.ToDictionary(b => b.Year, b => b.Amount);
        var approved = record.ApprovedBudget.ToDictionary(b => b.Year, b => b.Amount);
        foreach (var line in record.ApprovedBudget.OrderBy(b => b.Year))
        {
            yield return Budget(IatiCodes.OriginalBudget, line.Year, line.Amount, period);
        }

        foreach (var year in current.Keys.Union(approved.Keys).Order())
        {
            var now = current.GetValueOrDefault(year, Money.Usd(0m));
            if (!approved.TryGetValue(year, out var then) || then != now)
            {
                yield return Budget(IatiCodes.RevisedBudget, year, now, period);
            }
        }
    }

    private static XElement Budget(string type, int year, Money amount, GrantPeriod period)
    {
        var start = Later(new DateOnly(year, 1, 1), period.Start);
        var end = Earlier(new DateOnly(year, 12, 31), period.End);
        return new XElement(
            "budget",
            new XAttribute("type", type),
            new XAttribute("status", IatiCodes.IndicativeBudget),
            new XElement("period-start", new XAttribute("iso-date", IatiFormat.Date(start))),
            new XElement("period-end", new XAttribute("iso-date", IatiFormat.Date(end))),
            Value(amount, start));
    }

    /// <summary>
    /// The fund's commitment at approval and each change a budget revision made to it; then, per paid tranche, the
    /// disbursement to the implementing entity and the programme support costs charged on it. PSC is not part of the
    /// disbursement: it stays with the organisation administering the fund (the UN's 13% on expenditure), so it is
    /// reported as the activity's expenditure paid to the reporting organisation. Commitments include PSC, as the
    /// fund's ledger does: what they add up to is paid out as disbursements and PSC, or released when the grant is
    /// closed or cancelled (a release is not a transaction: IATI has no type for it).
    /// </summary>
    private static IEnumerable<XElement> Transactions(IatiGrant record, Fund fund, IatiOptions options)
    {
        var implementer = record.Grant.Details.ImplementingEntity;
        var toImplementer = new XElement(
            "receiver-org",
            new XAttribute("type", IatiCodes.OrganisationType(implementer.Type)),
            Narrative(implementer.Name));
        var toReporter = new XElement(
            "receiver-org",
            new XAttribute("ref", options.ReportingOrgRef),
            new XAttribute("type", options.ReportingOrgType),
            Narrative(options.ReportingOrgName));
        var fromFund = new XElement("provider-org", new XAttribute("type", IatiCodes.MultilateralOrganisation), Narrative(fund.Name));

        var transactions = new List<(DateOnly On, XElement Element)>();
        foreach (var commitment in record.Commitments)
        {
            var description = commitment.AtApproval
                ? "Commitment on approval of the grant: direct budget and programme support costs"
                : "Change of the commitment on revision of the grant's budget";
            transactions.Add((commitment.On, Transaction(IatiCodes.Commitment, commitment.On, commitment.Amount, description, fromFund, toImplementer)));
        }

        foreach (var payment in record.Payments)
        {
            transactions.Add((payment.On, Transaction(IatiCodes.Disbursement, payment.On, payment.Amount, $"Tranche {payment.Number} paid to the implementing entity", fromFund, toImplementer)));
            if (payment.Psc.IsPositive)
            {
                transactions.Add((payment.On, Transaction(IatiCodes.Expenditure, payment.On, payment.Psc, $"Programme support costs charged on tranche {payment.Number}", fromFund, toReporter)));
            }
        }

        // OrderBy is stable: on one day a commitment stays before the payments it allows.
        return transactions.OrderBy(t => t.On).Select(t => t.Element);
    }

    private static XElement Transaction(string type, DateOnly on, Money amount, string description, XElement provider, XElement receiver) =>
        new(
            "transaction",
            new XElement("transaction-type", new XAttribute("code", type)),
            new XElement("transaction-date", new XAttribute("iso-date", IatiFormat.Date(on))),
            Value(amount, on),
            new XElement("description", Narrative(description)),
            new XElement(provider),
            new XElement(receiver));

    /// <summary>A USD amount; the value date is when it was agreed or paid (or its budget period starts), so no conversion applies.</summary>
    private static XElement Value(Money amount, DateOnly valueDate)
    {
        if (amount.Currency != CurrencyCode.Usd)
        {
            throw new InvalidOperationException($"Grant amounts are kept in USD, not {amount.Currency}.");
        }

        return new XElement(
            "value",
            new XAttribute("currency", "USD"),
            new XAttribute("value-date", IatiFormat.Date(valueDate)),
            IatiFormat.Decimal(amount.Amount));
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
