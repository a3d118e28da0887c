using FundManager.Banking;
using System.Text;
using FundManager.Api.Imports;
using FundManager.Common;
using FundManager.Tests.Infrastructure;

namespace FundManager.Api.Tests.Imports;

/// <summary>
/// Bank statements in ISO 20022 camt.053, versions .001.02 to .001.08: the published samples, statements the tests write
/// in the oldest and newest shapes, a closing balance that does not follow, and XML that is malformed or hostile.
/// </summary>
public sealed class Camt053ReaderTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "fixtures", "camt053");

    [Fact]
    public async Task The_multi_statement_sample_gives_both_statements_and_their_entries()
    {
        var (statements, entries) = await ReadAsync(File.ReadAllBytes(Path.Combine(Samples, "camt053.v2.multi.statement.xml")));
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("EUR", s.Currency.Code));
        Assert.Equal([(18.15m, 27.00m), (27.00m, 20.00m)], statements.Select(s => (s.Opening, s.Closing)));
        Assert.Equal([(8.85m, true), (7.00m, false)], entries.Select(e => (e.Entry.Amount.Amount, e.Entry.IsCredit)));
        Assert.Equal(["Transaction Description 1"], entries[0].Entry.Remittance);

        // The sample names a creditor only, and no account servicer's reference: the entry is known by its place.
        Assert.Null(entries[0].Entry.DebtorName);
        Assert.Equal("253EURNL26VAYB8060476890#1", entries[0].Entry.Reference);
    }

    [Theory]
    [InlineData("camt053.v2.minimal.xml", "its balances are in EUR and SEK")]
    [InlineData("camt053.v4.xml", "its balances are in EUR and SEK")]
    [InlineData("camt053.v8.xml", "its balances are in EUR and SEK")]
    [InlineData("camt053.v2.five.decimals.xml", "the closing balance 27.050 EUR is not the opening balance 18.150 plus its booked entries (8.850); the difference is 0.050.")]
    [InlineData("camt053.v2.wrong.xml", "the message holds no statement (Stmt).")]
    public async Task A_published_sample_that_does_not_add_up_is_refused_for_its_reason(string sample, string reason)
    {
        var refused = await Refusals.AssertRefusedAsync(BusinessRule.InvalidInput, () => ReadAsync(File.ReadAllBytes(Path.Combine(Samples, sample))));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02")]
    [InlineData("04")]
    [InlineData("08")]
    public async Task Each_version_s_shape_is_read(string version)
    {
        var (statements, entries) = await ReadAsync(Statement(version, opening: 1_000m, ("FM-R-1", 250_000m, "CRDT", "BOOK"), ("FEE-1", 12.5m, "DBIT", "BOOK"), ("PEND-1", 99m, "CRDT", "PDNG")));
        var statement = Assert.Single(statements);
        Assert.Equal(("MSG-" + version, "CH9300762011623852957", "STMT-1"), (statement.MessageId, statement.Account, statement.StatementId));
        Assert.Equal(250_987.5m, statement.Closing);
        var receipt = entries[0].Entry;
        Assert.Equal(("FM-R-1", 250_000m, true, true), (receipt.Reference, receipt.Amount.Amount, receipt.IsCredit, receipt.IsBooked));
        Assert.Equal("Ministry of Foreign Affairs of Norway", receipt.DebtorName);
        Assert.Equal("NO9386011117947", receipt.DebtorIban);
        Assert.Equal(["RF18539007547034", "Pledge NOR-2025-1 instalment 2"], receipt.Remittance);
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3)), (receipt.BookedOn, receipt.ValueOn));
        Assert.False(entries[2].Entry.IsBooked);
    }

    [Fact]
    public async Task A_closing_balance_that_is_not_the_opening_plus_the_entries_is_refused_naming_the_difference()
    {
        var xml = Statement("08", opening: 1_000m, ("A-1", 500m, "CRDT", "BOOK")).Replace("<Amt Ccy=\"CHF\">1500.00</Amt>", "<Amt Ccy=\"CHF\">1400.00</Amt>", StringComparison.Ordinal);
        var refused = await Refusals.AssertRefusedAsync(BusinessRule.InvalidInput, () => ReadAsync(xml));
        Assert.Equal("camt.053: statement STMT-1: the closing balance 1400.00 CHF is not the opening balance 1000.00 plus its booked entries (500.00); the difference is -100.00.", refused.Message);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>", "declares a DTD")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&lol3;</Document>", "declares a DTD")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.02\"><BkToCstmrAcctRpt/></Document>", "Not a camt.053 statement")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.09\"/>", "Not a camt.053 statement")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId>", "Not well-formed XML")]
    [InlineData("not xml at all", "Not well-formed XML")]
    public async Task Malformed_or_hostile_xml_is_refused(string xml, string reason)
    {
        var refused = await Refusals.AssertRefusedAsync(BusinessRule.InvalidInput, () => ReadAsync(xml));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", refused.Message, StringComparison.Ordinal);
    }

    private static Task<(List<BankStatement> Statements, List<(BankStatement Statement, BankEntry Entry)> Entries)> ReadAsync(string xml) => ReadAsync(Encoding.UTF8.GetBytes(xml));

    private static async Task<(List<BankStatement> Statements, List<(BankStatement Statement, BankEntry Entry)> Entries)> ReadAsync(byte[] xml)
    {
        var statements = new List<BankStatement>();
        var entries = new List<(BankStatement, BankEntry)>();
        await Camt053Reader.ReadAsync(
            new MemoryStream(xml),
            "file",
            s => { statements.Add(s); return ValueTask.CompletedTask; },
            (s, e) => { entries.Add((s, e)); return ValueTask.CompletedTask; });
        return (statements, entries);
    }

    // A statement in the shape of a version: up to .001.04 a status is text and a debtor's name sits in <Dbtr>; later, a
    // status is a code and the name is under <Dbtr><Pty>.
    private static string Statement(string version, decimal opening, params (string Reference, decimal Amount, string Indicator, string Status)[] entries)
    {
        var late = string.CompareOrdinal(version, "05") >= 0;
        var booked = entries.Where(e => e.Status == "BOOK").Sum(e => e.Indicator == "CRDT" ? e.Amount : -e.Amount);
        var xml = new StringBuilder($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-{version}</MsgId><CreDtTm>2026-11-03T18:00:00Z</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>STMT-1</Id>
                  <CreDtTm>2026-11-03T18:00:00Z</CreDtTm>
                  <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
                  {Balance("OPBD", opening)}
                  {Balance("CLBD", opening + booked)}
            """);
        foreach (var (reference, amount, indicator, status) in entries)
        {
            var debtor = late ? "<Dbtr><Pty><Nm>Ministry of Foreign Affairs of Norway</Nm></Pty></Dbtr>" : "<Dbtr><Nm>Ministry of Foreign Affairs of Norway</Nm></Dbtr>";
            xml.Append($"""
                  <Ntry>
                    <Amt Ccy="CHF">{amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}</Amt>
                    <CdtDbtInd>{indicator}</CdtDbtInd>
                    {(late ? $"<Sts><Cd>{status}</Cd></Sts>" : $"<Sts>{status}</Sts>")}
                    <BookgDt><Dt>2026-11-02</Dt></BookgDt>
                    <ValDt><Dt>2026-11-03</Dt></ValDt>
                    <AcctSvcrRef>{reference}</AcctSvcrRef>
                    <NtryDtls><TxDtls>
                      <RltdPties>{debtor}<DbtrAcct><Id><IBAN>NO9386011117947</IBAN></Id></DbtrAcct></RltdPties>
                      <RmtInf><Ustrd>Pledge NOR-2025-1 instalment 2</Ustrd><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
            """);
        }

        return xml.Append("</Stmt></BkToCstmrStmt></Document>").ToString();
    }

    private static string Balance(string code, decimal amount) =>
        $"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"CHF\">{Math.Abs(amount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}</Amt>"
        + $"<CdtDbtInd>{(amount < 0 ? "DBIT" : "CRDT")}</CdtDbtInd><Dt><Dt>2026-11-03</Dt></Dt></Bal>";
}
