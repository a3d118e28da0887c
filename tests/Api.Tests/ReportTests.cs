using FundManager.Funds;
using FundManager.Ledger;

namespace FundManager.Api.Tests;

/// <summary>The Board's reports over HTTP: the workbook as a file, the same figures as JSON, and who may read them.</summary>
public sealed class ReportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_Board_downloads_the_workbook_and_reads_the_same_figures_as_json()
    {
        var board = await api.LoginAsync(DemoUsers.Board);

        var file = await board.GetAsync("/api/v1/funds/UPR-VFTA/reports/board/2025.xlsx");
        var figures = await board.GetFromJsonAsync<JsonElement>("/api/v1/funds/UPR-VFTA/reports/board/2025");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("board-UPR-VFTA-2025.xlsx", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("PK"u8.ToArray(), (await file.Content.ReadAsByteArrayAsync())[..2]);
        var before = await api.System.Ledger.TrialBalanceAsync(FundCode.Parse("UPR-VFTA"), new DateOnly(2024, 12, 31));
        var after = await api.System.Ledger.TrialBalanceAsync(FundCode.Parse("UPR-VFTA"), new DateOnly(2025, 12, 31));
        var statement = figures.GetProperty("statement");
        Assert.Equal(before.BalanceOf(Account.ContributionRevenue) - after.BalanceOf(Account.ContributionRevenue), statement.GetProperty("contributions").GetDecimal());
        Assert.Equal(after.BalanceOf(Account.OpenCommitments), statement.GetProperty("openCommitments").GetDecimal());
        Assert.Equal(after.TotalDebit, figures.GetProperty("trialBalance").GetProperty("totalDebit").GetDecimal());
    }

    [Fact]
    public async Task The_narrative_report_comes_as_Word_and_as_a_web_page()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);

        var docx = await officer.GetAsync("/api/v1/funds/VFTC/reports/narrative/2024.docx");
        var html = await officer.GetAsync("/api/v1/funds/VFTC/reports/narrative/2024.html");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_donor_reads_its_own_utilisation_and_nobody_elses()
    {
        var norway = await api.LoginAsync(DemoUsers.NorwayDonor);
        var auditor = await api.LoginAsync(DemoUsers.Auditor);
        var own = DemoIds.For("donor", "norway");
        var other = DemoIds.For("donor", "germany");

        var statement = await norway.GetFromJsonAsync<JsonElement>($"/api/v1/donors/{own}/utilisation?year=2025");
        var workbook = await norway.GetAsync($"/api/v1/donors/{own}/utilisation.xlsx");
        var page = await auditor.GetAsync($"/api/v1/donors/{other}/utilisation.html?year=2024");

        Assert.Equal("Norway", statement.GetProperty("name").GetString());
        Assert.True(statement.GetProperty("receivedUsd").GetDecimal() > 0m);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await workbook.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Contains("Germany", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await norway.GetAsync($"/api/v1/donors/{other}/utilisation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await norway.GetAsync($"/api/v1/donors/{other}/utilisation.xlsx")).StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.NorwayDonor, "/api/v1/funds/VFTC/reports/board/2025.xlsx", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Admin, "/api/v1/funds/VFTC/reports/board/2025", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Auditor, "/api/v1/funds/NOPE/reports/board/2025.xlsx", HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Officer, "/api/v1/funds/VFTC/reports/board/1999", HttpStatusCode.BadRequest)]
    [InlineData(DemoUsers.Approver, "/api/v1/funds/bad%20code/reports/board/2025", HttpStatusCode.BadRequest)]
    public async Task Reports_are_refused_to_those_who_may_not_read_them_and_for_what_does_not_exist(string user, string url, HttpStatusCode expected)
    {
        var client = await api.LoginAsync(user);

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
