using System.Globalization;
using System.Security;
using System.Text;

namespace FundManager.Api.Tests.Imports;

/// <summary>One entry of a statement the tests write: a debit when <paramref name="Amount"/> is negative.</summary>
public sealed record StatementLine(string Reference, decimal Amount, string? DebtorName = null, string? DebtorIban = null, string? Remittance = null, bool Booked = true);

/// <summary>Writes camt.053.001.08 messages as a bank would, one statement each, its closing balance following from its booked entries.</summary>
public static class StatementXml
{
    public static string Of(string messageId, string statementId, string account, string currency, decimal opening, params StatementLine[] lines)
    {
        var closing = opening + lines.Where(l => l.Booked).Sum(l => l.Amount);
        var xml = new StringBuilder($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>{messageId}</MsgId><CreDtTm>2026-10-31T18:00:00Z</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>{statementId}</Id>
                  <Acct><Id><IBAN>{account}</IBAN></Id><Ccy>{currency}</Ccy></Acct>
                  {Balance("OPBD", opening, currency)}
                  {Balance("CLBD", closing, currency)}
            """);
        foreach (var line in lines)
        {
            var debtor = line.DebtorName is null ? "" : $"<Dbtr><Pty><Nm>{SecurityElement.Escape(line.DebtorName)}</Nm></Pty></Dbtr>";
            var debtorAccount = line.DebtorIban is null ? "" : $"<DbtrAcct><Id><IBAN>{line.DebtorIban}</IBAN></Id></DbtrAcct>";
            var remittance = line.Remittance is null ? "" : $"<RmtInf><Ustrd>{SecurityElement.Escape(line.Remittance)}</Ustrd></RmtInf>";
            xml.Append($"""
                  <Ntry>
                    <Amt Ccy="{currency}">{Math.Abs(line.Amount).ToString("0.00", CultureInfo.InvariantCulture)}</Amt>
                    <CdtDbtInd>{(line.Amount < 0 ? "DBIT" : "CRDT")}</CdtDbtInd>
                    <Sts><Cd>{(line.Booked ? "BOOK" : "PDNG")}</Cd></Sts>
                    <BookgDt><Dt>2026-10-15</Dt></BookgDt>
                    <ValDt><Dt>2026-10-15</Dt></ValDt>
                    <AcctSvcrRef>{line.Reference}</AcctSvcrRef>
                    <NtryDtls><TxDtls><RltdPties>{debtor}{debtorAccount}</RltdPties>{remittance}</TxDtls></NtryDtls>
                  </Ntry>
            """);
        }

        return xml.Append("</Stmt></BkToCstmrStmt></Document>").ToString();
    }

    private static string Balance(string code, decimal amount, string currency) =>
        $"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"{currency}\">{Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture)}</Amt>"
        + $"<CdtDbtInd>{(amount < 0 ? "DBIT" : "CRDT")}</CdtDbtInd><Dt><Dt>2026-10-31</Dt></Dt></Bal>";
}
