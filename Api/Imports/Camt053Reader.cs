using FundManager.Banking;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Api.Imports;

/// <summary>
/// Reads ISO 20022 bank-to-customer statements (camt.053.001.02 to .08) as a stream: one entry at a time, so a file of any
/// size takes the same memory. Each statement's closing balance must be its opening balance plus its booked entries. The
/// XML may not declare a DTD (so no external entity and no entity expansion), and must be in a camt.053 namespace.
/// Differences between the versions (a status as text or as a code, a debtor's name directly or under <c>Pty</c>) are
/// read by element name, whatever the nesting.
/// </summary>
public static class Camt053Reader
{
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";
    private static readonly string[] Versions = ["02", "03", "04", "05", "06", "07", "08"];

    /// <summary>Reads <paramref name="xml"/>, calling <paramref name="onStatement"/> before a statement's entries and <paramref name="onEntry"/> for each.</summary>
    /// <returns>How many statements and entries were read.</returns>
    public static async Task<(int Statements, long Entries)> ReadAsync(
        Stream xml, string field, Func<BankStatement, ValueTask> onStatement, Func<BankStatement, BankEntry, ValueTask> onEntry, CancellationToken ct = default)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 0,
            Async = true,
        };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            await reader.MoveToContentAsync();
            var ns = reader.NamespaceURI;
            if (reader.LocalName != "Document" || !ns.StartsWith(NamespacePrefix, StringComparison.Ordinal) || !Versions.Contains(ns[NamespacePrefix.Length..]))
            {
                throw RuleViolation.Of(BusinessRule.InvalidInput, $"Not a camt.053 statement (versions .001.02 to .001.08): the document is <{reader.LocalName}> in namespace '{ns}'.", field);
            }

            var (statements, entries) = (0, 0L);
            string? messageId = null;
            while (await reader.ReadAsync())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "MsgId" && messageId is null)
                {
                    messageId = (await reader.ReadElementContentAsStringAsync()).Trim();
                }

                if (reader.LocalName == "Stmt")
                {
                    entries += await ReadStatementAsync(reader, messageId ?? throw Bad(field, "the message has no MsgId before its statements."), field, onStatement, onEntry, ct);
                    statements++;
                }
            }

            return statements == 0 ? throw Bad(field, "the message holds no statement (Stmt).") : (statements, entries);
        }
        catch (XmlException e)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"Not well-formed XML, or XML that declares a DTD (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", field);
        }
    }

    // From the reader on <Stmt> to its end: the header and balances (which come before the entries), then each entry.
    private static async Task<long> ReadStatementAsync(
        XmlReader reader, string messageId, string field, Func<BankStatement, ValueTask> onStatement, Func<BankStatement, BankEntry, ValueTask> onEntry, CancellationToken ct)
    {
        var depth = reader.Depth;
        string? id = null;
        var account = "";
        CurrencyCode? currency = null;
        var balances = new List<XElement>();
        BankStatement? statement = null;
        var (entries, booked) = (0L, 0m);
        await reader.ReadAsync();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
            {
                await reader.ReadAsync();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Id":
                    id = (await reader.ReadElementContentAsStringAsync()).Trim();
                    break;
                case "Acct":
                    var acct = (XElement)await XNode.ReadFromAsync(reader, ct);
                    account = Text(acct, "IBAN") ?? Text(acct, "Id") ?? "";
                    currency = Text(acct, "Ccy") is { } code ? Currency(code, field) : null;
                    break;
                case "Bal":
                    balances.Add((XElement)await XNode.ReadFromAsync(reader, ct));
                    break;
                case "Ntry":
                    if (statement is null)
                    {
                        statement = Header(messageId, id, account, currency, balances, field);
                        await onStatement(statement);
                    }

                    var entry = Entry((XElement)await XNode.ReadFromAsync(reader, ct), statement, entries + 1, field);
                    booked += entry.IsBooked ? (entry.IsCredit ? entry.Amount.Amount : -entry.Amount.Amount) : 0m;
                    entries++;
                    await onEntry(statement, entry);
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }

        if (statement is null)
        {
            statement = Header(messageId, id, account, currency, balances, field);
            await onStatement(statement);
        }

        if (statement.Opening + booked != statement.Closing)
        {
            throw Bad(field, string.Create(CultureInfo.InvariantCulture,
                $"statement {statement.StatementId}: the closing balance {statement.Closing} {statement.Currency} is not the opening balance {statement.Opening} plus its booked entries ({booked}); the difference is {statement.Closing - statement.Opening - booked}."));
        }

        return entries;
    }

    private static BankStatement Header(string messageId, string? id, string account, CurrencyCode? currency, List<XElement> balances, string field)
    {
        var statementId = id ?? throw Bad(field, "a statement has no Id.");
        XElement? Balance(params string[] codes) => balances.FirstOrDefault(b => codes.Contains(Text(b, "Cd")));
        var opening = Balance("OPBD", "PRCD") ?? throw Bad(field, $"statement {statementId} has no opening booked balance (OPBD or PRCD).");
        var closing = Balance("CLBD") ?? throw Bad(field, $"statement {statementId} has no closing booked balance (CLBD).");
        var (open, openCurrency) = Amount(opening, field);
        var (close, closeCurrency) = Amount(closing, field);
        var statementCurrency = currency ?? openCurrency;
        if (openCurrency != statementCurrency || closeCurrency != statementCurrency)
        {
            throw Bad(field, $"statement {statementId}: its balances are in {openCurrency} and {closeCurrency}, its account in {statementCurrency}.");
        }

        var closingOn = Text(closing, "Dt") is { } day ? Date(day, field) : (DateOnly?)null;
        return new BankStatement(messageId, account, statementId, statementCurrency, Signed(opening, open, field), Signed(closing, close, field), closingOn);
    }

    private static BankEntry Entry(XElement entry, BankStatement statement, long position, string field)
    {
        // The account servicer's reference identifies an entry; a bank that gives none has only the entry's place in its statement.
        var reference = Text(entry, "AcctSvcrRef") ?? Text(entry, "NtryRef") ?? $"{statement.StatementId}#{position}";
        var (amount, currency) = Amount(entry, field);
        if (currency != statement.Currency)
        {
            throw Bad(field, $"entry {reference} is in {currency}, its statement in {statement.Currency}.");
        }

        var money = Money.Entered(amount, currency, $"entry {reference}");
        var status = Child(entry, "Sts") is { } sts ? (Text(sts, "Cd") ?? sts.Value).Trim() : "BOOK";
        var bookedOn = Child(entry, "BookgDt") is { } booking ? Date(Text(booking, "Dt") ?? Text(booking, "DtTm") ?? "", field) : statement.ClosingOn
            ?? throw Bad(field, $"entry {reference} has no booking date.");
        var valueOn = Child(entry, "ValDt") is { } value && (Text(value, "Dt") ?? Text(value, "DtTm")) is { } v ? Date(v, field) : (DateOnly?)null;
        var debtor = Descendant(entry, "Dbtr");
        var debtorAccount = Descendant(entry, "DbtrAcct");
        var remittance = entry.Descendants().Where(e => e.Name.LocalName == "Ref" && e.Parent?.Name.LocalName == "CdtrRefInf").Select(e => e.Value.Trim())
            .Concat(entry.Descendants().Where(e => e.Name.LocalName == "Ustrd").Select(e => e.Value.Trim()))
            .Where(r => r.Length > 0).ToList();
        return new BankEntry(
            reference, money, Indicator(entry, field) == "CRDT", status == "BOOK", bookedOn, valueOn,
            debtor is null ? null : Text(debtor, "Nm"), debtorAccount is null ? null : Text(debtorAccount, "IBAN"), remittance);
    }

    private static (decimal Amount, CurrencyCode Currency) Amount(XElement parent, string field)
    {
        var element = Child(parent, "Amt") ?? throw Bad(field, $"<{parent.Name.LocalName}> has no Amt.");
        if (!decimal.TryParse(element.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw Bad(field, $"the amount '{element.Value.Trim()}' is not a number.");
        }

        return (amount, Currency(element.Attribute("Ccy")?.Value ?? "", field));
    }

    private static decimal Signed(XElement balance, decimal amount, string field) => Indicator(balance, field) == "DBIT" ? -amount : amount;

    private static string Indicator(XElement parent, string field) => Text(parent, "CdtDbtInd") switch
    {
        "CRDT" => "CRDT",
        "DBIT" => "DBIT",
        _ => throw Bad(field, $"<{parent.Name.LocalName}> has no CdtDbtInd of CRDT or DBIT."),
    };

    private static CurrencyCode Currency(string code, string field) =>
        CurrencyCode.TryParse(code, out var currency) ? currency : throw Bad(field, $"'{code}' is not an ISO 4217 currency code.");

    private static DateOnly Date(string text, string field) =>
        DateOnly.TryParseExact(text.Trim()[..Math.Min(text.Trim().Length, 10)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? BusinessDate.Check(date, field)
            : throw Bad(field, $"'{text}' is not a date.");

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static XElement? Descendant(XElement parent, string name) => parent.Descendants().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Text(XElement parent, string name) => Descendant(parent, name)?.Value.Trim();

    private static RuleViolation Bad(string field, string what) => RuleViolation.Of(BusinessRule.InvalidInput, "camt.053: " + what, field);
}
