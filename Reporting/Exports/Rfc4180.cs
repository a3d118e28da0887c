using System.Globalization;
using CsvHelper;

namespace FundManager.Reporting.Exports;

/// <summary>
/// How FundManager writes CSV, through CsvHelper: RFC 4180 (comma-separated, CRLF line ends, a field quoted only when it
/// holds a comma, a quote, a CR or an LF, quotes inside doubled), UTF-8 without a byte-order mark, numbers and dates in
/// invariant culture. Files read by people in a spreadsheet escape text that a spreadsheet would run as a formula; files
/// that are evidence, whose every field is hashed as it stands, do not (see README, "Auditor exports").
/// </summary>
public static class Rfc4180
{
    /// <summary>A writer of CSV onto <paramref name="output"/>, which it leaves open.</summary>
    public static CsvWriter Writer(Stream output, CsvInjection injection) =>
        CsvWriter.Create(output, Options(injection), leaveOpen: true);

    /// <summary>A writer of CSV onto text.</summary>
    public static CsvWriter Writer(TextWriter output, CsvInjection injection) =>
        CsvWriter.Create(output, Options(injection), leaveOpen: true);

    private static CsvWriterOptions Options(CsvInjection injection) => new()
    {
        Mode = CsvMode.Rfc4180,
        Separator = ',',
        NewLine = "\r\n",
        WriteByteOrderMark = false,
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = injection,
    };
}
