using FundManager.Reporting.Board;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Board;

[Collection(DemoCollection.Name)]
public sealed class ReportBoardVerbTests(DemoFixture demo)
{
    [Fact]
    public async Task Report_board_writes_a_valid_workbook_and_a_wrong_fund_or_year_writes_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fm-board-" + Guid.NewGuid().ToString("N"));
        try
        {
            var ok = await ProgramRunner.FundManagerAsync("report", "board", "--fund", "VFTC", "--year", "2025", "--out", directory, "--database", demo.ConnectionString);
            var unknown = await ProgramRunner.FundManagerAsync("report", "board", "--fund", "NOPE", "--year", "2025", "--out", directory + "-x", "--database", demo.ConnectionString);
            var badYear = await ProgramRunner.FundManagerAsync("report", "board", "--fund", "VFTC", "--year", "1850", "--out", directory + "-y", "--database", demo.ConnectionString);

            Assert.Equal(0, ok.ExitCode);
            var path = Path.Combine(directory, "board-VFTC-2025.xlsx");
            Assert.Equal(path, ok.Stdout.Trim());
            using (var book = new XlsxReader(File.OpenRead(path)))
            {
                Assert.Equal(BoardWorkbook.SheetNames, book.SheetNames);
                Assert.Empty(book.ValidationErrors());
            }

            Assert.Equal((2, 2), (unknown.ExitCode, badYear.ExitCode));
            Assert.Contains("no fund NOPE", unknown.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(directory + "-x") && Directory.EnumerateFiles(directory + "-x").Any());
            Assert.Single(Directory.EnumerateFiles(directory));
        }
        finally
        {
            foreach (var d in new[] { directory, directory + "-x", directory + "-y" }.Where(Directory.Exists))
            {
                Directory.Delete(d, recursive: true);
            }
        }
    }
}
