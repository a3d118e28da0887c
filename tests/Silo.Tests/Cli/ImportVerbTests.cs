using FundManager.Finance;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Cli;

/// <summary><c>fundmanager import rates|uhri</c>, run as the real program on files in the formats their publishers use.</summary>
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }
}
