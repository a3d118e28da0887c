using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>RFC 4180 as <see cref="Rfc4180"/> writes it and <see cref="CsvRecords"/> reads it back, both through CsvHelper.</summary>
public sealed class Rfc4180Tests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("bare\nline feed", "\"bare\nline feed\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData(" spaces kept ", " spaces kept ")]
    [InlineData("\"", "\"\"\"\"")]
    public void A_field_is_quoted_only_when_it_holds_a_comma_a_quote_a_cr_or_an_lf(string value, string written) =>
        Assert.Equal($"a,{written},b\r\n", Encoding.UTF8.GetString(Write([["a", value, "b"]])));

    [Fact]
    public void Records_end_with_crlf_in_utf8_without_a_byte_order_mark()
    {
        var bytes = Write([["a", "b, c"], ["Genève €", ""]]);

        Assert.Equal("a,\"b, c\"\r\nGenève €,\r\n", new UTF8Encoding(false, true).GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void A_description_with_a_comma_a_quote_and_a_line_break_reads_back_exactly()
    {
        string[] record = ["Pledge amended (Increase), pledge 1: the donor wrote \"add 10%, as agreed\"\r\nsee letter of 3 May", "last"];

        Assert.Equal([record], Read(Write([record])));
    }

    [Fact]
    public void Any_records_read_back_as_written()
    {
        // Characters that matter to CSV, mixed with ordinary and non-ASCII ones.
        var field = Gen.Elements(',', '"', '\r', '\n', ' ', 'a', 'Z', '0', 'é', '€', '\t').ArrayOf().Select(chars => new string(chars));
        // RFC 4180 records all have the same number of fields, which the writer holds to.
        var records = field.ArrayOf(3).ArrayOf();

        var property = Prop.ForAll(Arb.From(records), (string[][] written) =>
        {
            var read = Read(Write(written));
            return read.Count == written.Length && read.Zip(written).All(p => p.First.SequenceEqual(p.Second));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Theory]
    [InlineData("\"open")]
    [InlineData("a\"b")]
    [InlineData("\"closed\"after")]
    public void Malformed_text_is_refused(string text)
    {
        using var reader = new CsvRecords(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.ThrowsAny<FormatException>(() => reader.Read());
    }

    private static byte[] Write(IEnumerable<string[]> records)
    {
        using var buffer = new MemoryStream();
        using (var csv = Rfc4180.Writer(buffer, CsvHelper.CsvInjection.None))
        {
            foreach (var record in records)
            {
                csv.WriteRecord(record);
            }
        }

        return buffer.ToArray();
    }

    private static List<string[]> Read(byte[] bytes)
    {
        using var reader = new CsvRecords(new MemoryStream(bytes));
        var records = new List<string[]>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }
}
