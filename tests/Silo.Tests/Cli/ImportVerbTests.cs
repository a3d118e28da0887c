using FundManager.Finance;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Cli;

/// <summary><c>fundmanager import rates|uhri|camt053</c>, run as the real program on files in the formats their publishers use.</summary>
public sealed class ImportVerbTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fundmanager-import-").FullName;

    [Fact]
    public async Task Rates_are_imported_from_a_file_again_without_change_and_a_conflict_names_its_line()
    {
        var monthly = File("monthly.csv", "Country/Area,Currency Name,Currency Code,Rate\n\"Korea, Republic of\",Won,KRW,\"1,401.25\"\nDenmark,Danish Krone,DKK,6.85\n");
        var first = await ProgramRunner.FundManagerAsync("import", "rates", "--file", monthly, "--effective", "2032-02-01", "--database", db.ConnectionString);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("2 rates read, 2 new.", first.Stdout.Trim());
        var again = await ProgramRunner.FundManagerAsync("import", "rates", "--file", monthly, "--effective", "2032-02-01", "--database", db.ConnectionString);
        Assert.Equal("2 rates read, 0 new.", again.Stdout.Trim());
        Assert.Equal(1401.25m, (await db.System.Rates.InForceAsync(CurrencyCode.Parse("KRW"), new DateOnly(2032, 2, 9))).RateOn(CurrencyCode.Parse("KRW"), new DateOnly(2032, 2, 9)).UnitsPerUsd);

        var conflicting = File("conflict.csv", "Currency Code,Rate,Effective Date\nSEK,10.1,2032-02-01\nDKK,6.9,2032-02-01\n");
        var refused = await ProgramRunner.FundManagerAsync("import", "rates", "--file", conflicting, "--database", db.ConnectionString);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Line 3: DKK already has the rate 6.85", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(await db.System.Rates.FindAsync(CurrencyCode.Parse("SEK"), new DateOnly(2032, 1, 1), null, null, 10));

        var missing = await ProgramRunner.FundManagerAsync("import", "rates", "--file", Path.Combine(_directory, "none.csv"), "--database", db.ConnectionString);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("There is no file", missing.Stderr, StringComparison.Ordinal);
        var undated = await ProgramRunner.FundManagerAsync("import", "rates", "--file", monthly, "--effective", "1 Feb", "--database", db.ConnectionString);
        Assert.Equal(2, undated.ExitCode);
        Assert.Contains("--effective '1 Feb' is not a date", undated.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendations_are_imported_from_a_universal_human_rights_index_export()
    {
        var export = File("uhri.csv", """
            Text,Countries Concerned,UPR Reccomending States,UPR Position,UPR Session,Themes,Affected Persons,Sdgs,Document Symbol,OHCHR Annotation Id
            "Strengthen the national mechanism for implementation, reporting and follow-up",- Paraguay,"- Uruguay
            - Argentina",Supported,UPR 43,- National mechanisms,- General,- 16.6 - Develop effective institutions,A/HRC/53/9,cli-uhri-1
            """);
        var first = await ProgramRunner.FundManagerAsync("import", "uhri", "--file", export, "--database", db.ConnectionString);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("1 recommendations read: 1 registered, 0 revised, 0 unchanged.", first.Stdout.Trim());
        var again = await ProgramRunner.FundManagerAsync("import", "uhri", "--file", export, "--database", db.ConnectionString);
        Assert.Equal("1 recommendations read: 0 registered, 0 revised, 1 unchanged.", again.Stdout.Trim());
        var recommendation = await db.System.Entities.LoadAsync<Recommendations.UprRecommendation, Recommendations.RecommendationEvent>(Entities.StreamId.ForRecommendation("cli-uhri-1"));
        Assert.Equal(["URY", "ARG"], recommendation.RecommendingStates.Select(s => s.Value));
        Assert.Equal("system", (await db.System.Entities.HistoryAsync(Entities.StreamId.ForRecommendation("cli-uhri-1"))).Single().Actor);
    }

    [Fact]
    public async Task A_bank_statement_is_imported_once_and_one_that_does_not_add_up_stores_nothing()
    {
        var statement = Camt053("CLI-MSG-1", closing: "987.50");
        var first = await ProgramRunner.FundManagerAsync("import", "camt053", "--file", File("october.xml", statement), "--database", db.ConnectionString);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("1 statements (1 new), 2 entries (2 new): 0 credits matched to confirm, 1 in suspense, 1 debits, 0 pending.", first.Stdout.Trim());
        var again = await ProgramRunner.FundManagerAsync("import", "camt053", "--file", File("october.xml", statement), "--database", db.ConnectionString);
        Assert.Equal("1 statements (0 new), 2 entries (0 new): 0 credits matched to confirm, 0 in suspense, 0 debits, 0 pending.", again.Stdout.Trim());

        var refused = await ProgramRunner.FundManagerAsync("import", "camt053", "--file", File("bad.xml", Camt053("CLI-MSG-2", closing: "990.00")), "--database", db.ConnectionString);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the difference is 2.50", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, (await db.System.BankEntries.FindAsync(null, "CH5604835012345678009", null, 10)).Count);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // A camt.053.001.02 statement as a bank writes one: a credit from an unknown payer and the month's charges.
    private static string Camt053(string messageId, string closing) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>{{messageId}}</MsgId><CreDtTm>2026-10-31T18:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-OCT</Id>
              <Acct><Id><IBAN>CH5604835012345678009</IBAN></Id><Ccy>CHF</Ccy></Acct>
              <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-10-01</Dt></Dt></Bal>
              <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">{{closing}}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-10-31</Dt></Dt></Bal>
              <Ntry>
                <Amt Ccy="CHF">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-10-12</Dt></BookgDt>
                <AcctSvcrRef>CLI-{{messageId}}-1</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Nobody We Know</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Gift</Ustrd></RmtInf></TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="CHF">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-10-31</Dt></BookgDt>
                <AcctSvcrRef>CLI-{{messageId}}-2</AcctSvcrRef>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    private string File(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }
}
