using System.Globalization;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FundManager.Api.Tests.Imports;

/// <summary>
/// <c>POST /api/v1/exchange-rates</c> with the UN Treasury's table as published, as CSV and as an XLSX workbook: the
/// monthly table and a mid-month revision, quoted fields, a rate conflicting with one recorded (refused by its line,
/// nothing recorded), and files that are not tables.
/// </summary>
public sealed class RateImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "Country/Area,Currency Name,Currency Code,Rate,Effective Date";

    [Fact]
    public async Task The_monthly_table_as_csv_with_quoted_fields_then_a_mid_month_revision()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var monthly = $"""
            {Header}
            "Korea, Republic of",Won,KRW,"1,398.5",01-Mar-2031
            Switzerland,Swiss Franc,CHF,0.8812,01-Mar-2031
            "Bolivia (Plurinational State of)",Boliviano,BOB,6.91,01-Mar-2031
            """;
        var first = await PostAsync(admin, Csv(monthly));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((3, 3), await CountsAsync(first));

        // The revision lists only what changed, from its own date; the table again changes nothing.
        var revision = $"{Header}\nSwitzerland,Swiss Franc,CHF,0.8790,15-Mar-2031\n";
        Assert.Equal((1, 1), await CountsAsync(await PostAsync(admin, Csv(revision))));
        Assert.Equal((3, 0), await CountsAsync(await PostAsync(admin, Csv(monthly))));

        var krw = await RatesAsync(admin, "KRW");
        Assert.Equal([("2031-03-01", 1398.5m)], krw);
        var chf = await RatesAsync(admin, "CHF");
        Assert.Equal([("2031-03-01", 0.8812m), ("2031-03-15", 0.8790m)], chf);
        var inForce = await api.System.Rates.InForceAsync(Finance.CurrencyCode.Parse("CHF"), new DateOnly(2031, 3, 20));
        Assert.Equal(0.8790m, inForce.RateOn(Finance.CurrencyCode.Parse("CHF"), new DateOnly(2031, 3, 20)).UnitsPerUsd);
    }

    [Fact]
    public async Task A_workbook_with_numbers_and_dates_as_excel_stores_them()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var workbook = Workbook(
            ["Country/Area", "Currency Name", "Currency Code", "Rate", "Effective Date"],
            ["Japan", "Yen", "JPY", 151.37, new DateOnly(2031, 4, 1)],
            ["Côte d'Ivoire", "CFA Franc BCEAO", "XOF", 603.12, new DateOnly(2031, 4, 1)],
            ["Norway", "Norwegian Krone", "NOK", 0.1 + 10.2, new DateOnly(2031, 4, 1)]);
        var response = await PostAsync(admin, new ByteArrayContent(workbook) { Headers = { ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 3), await CountsAsync(response));
        Assert.Equal([("2031-04-01", 151.37m)], await RatesAsync(admin, "JPY"));
        Assert.Equal([("2031-04-01", 603.12m)], await RatesAsync(admin, "XOF"));

        // 0.1 + 10.2 is 10.299999999999999 as a double; the workbook's number is read as the 10.3 a person typed.
        Assert.Equal([("2031-04-01", 10.3m)], await RatesAsync(admin, "NOK"));
    }

    [Fact]
    public async Task A_rate_differing_from_one_recorded_is_refused_by_its_line_and_nothing_of_the_file_is_recorded()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, Csv($"{Header}\nIndia,Rupee,INR,83.1,01-May-2031\n"))).StatusCode);

        var conflicting = $"{Header}\nKenya,Shilling,KES,129.5,01-May-2031\nIndia,Rupee,INR,83.4,01-May-2031\n";
        var refused = await PostAsync(admin, Csv(conflicting));
        var problem = await ProblemAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith("Line 3: INR already has the rate 83.1", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), "the refusal names the body");
        Assert.Empty(await RatesAsync(admin, "KES"));

        var twice = await PostAsync(admin, Csv($"{Header}\nPeru,Sol,PEN,3.7,01-May-2031\nPeru,Sol,PEN,3.8,01-May-2031\n"));
        Assert.Equal("Lines 2 and 3 give PEN two rates effective 2031-05-01.", (await ProblemAsync(twice)).GetProperty("detail").GetString());
        Assert.Empty(await RatesAsync(admin, "PEN"));
    }

    [Fact]
    public async Task A_table_without_dates_takes_the_date_given_with_it()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var table = "Currency Code,Rate\nTHB,35.2\nZAR,18.4\n";
        var undated = await ProblemAsync(await PostAsync(admin, Csv(table)));
        Assert.Equal("Line 2: no effective date: the file has none, and none was given with it.", undated.GetProperty("detail").GetString());

        var dated = await PostAsync(admin, Csv(table), "?effectiveOn=2031-06-01");
        Assert.Equal((2, 2), await CountsAsync(dated));
        Assert.Equal([("2031-06-01", 35.2m)], await RatesAsync(admin, "THB"));
    }

    [Theory]
    [InlineData("Currency Code,Rate,Effective Date\nEUR,\"0.91,2031-07-01\n", "Line 2 is not well-formed CSV")]
    [InlineData("Currency Code,Rate,Effective Date\nEUR,0.9\"1,2031-07-01\n", "Line 2 is not well-formed CSV")]
    [InlineData("Currency Code,Rate,Effective Date\nEUR,0.91,31/07/2031\n", "Line 2: the effective date '31/07/2031' is not a date")]
    [InlineData("Currency Code,Rate,Effective Date\nEUR,0.12345678901,2031-07-01\n", "Line 2: A rate has at most ten decimals.")]
    [InlineData("Currency Code,Rate,Effective Date\nEURO,0.91,2031-07-01\n", "Line 2: 'EURO' is not an ISO 4217 currency code.")]
    [InlineData("Name,Value\nEUR,x\n", "Line 1: no column is named as the currency code and the rate")]
    [InlineData("PK\u0003\u0004 not really a workbook", "The file is neither CSV nor a readable XLSX workbook.")]
    [InlineData("Currency Code,Rate,Effective Date\nEUR\u0000,0.91,2031-07-01\n", "Line 2 holds a NUL character.")]
    [InlineData("", "The file holds no rates.")]
    public async Task A_file_that_is_not_a_rates_table_is_refused_naming_the_line(string body, string detail)
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var response = await PostAsync(admin, Csv(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(detail, (await ProblemAsync(response)).GetProperty("detail").GetString());
        Assert.Empty(await RatesAsync(admin, "EUR", "2031-07-01"));
    }

    private static StringContent Csv(string text) => new(text.ReplaceLineEndings("\n"), System.Text.Encoding.UTF8, "text/csv");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, HttpContent body, string query = "") =>
        client.PostAsync("/api/v1/exchange-rates" + query, body);

    private static async Task<(int Read, int Added)> CountsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("read").GetInt32(), body.GetProperty("added").GetInt32());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<(string On, decimal Rate)>> RatesAsync(HttpClient client, string currency, string from = "2031-01-01")
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/exchange-rates?currency={currency}&from={from}&limit=50");
        return page.GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("effectiveOn").GetString()!, r.GetProperty("unitsPerUsd").GetDecimal())).ToList();
    }

    // A workbook as a spreadsheet program saves one: text in the shared strings, numbers as doubles, dates as serial days.
    private static byte[] Workbook(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c] switch
                    {
                        string text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(strings.SharedStringTable, text)) },
                        double number => new Cell { CellReference = reference, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)) },
                        DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
                        var other => throw new ArgumentException($"No cell for {other}."),
                    });
                }

                sheetData.Append(row);
            }

            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Rates" });
        }

        return stream.ToArray();
    }

    private static int Shared(SharedStringTable table, string text)
    {
        table.Append(new SharedStringItem(new Text(text)));
        return table.ChildElements.Count - 1;
    }
}
