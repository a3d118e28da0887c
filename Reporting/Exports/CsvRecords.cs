using System.Text;
using CsvHelper;

namespace FundManager.Reporting.Exports;

/// <summary>
/// Reads an export's CSV file back one record at a time, strictly, through CsvHelper's RFC 4180 reader: quoted fields
/// keep their commas, doubled quotes and line breaks exactly (a CRLF inside quotes stays CRLF); a blank line is a record
/// of one empty field, not skipped; malformed quoting (a quote inside an unquoted field, text after a closing quote, a
/// quoted field left open) is a <see cref="CsvFormatException"/>, and bytes that are not UTF-8 a
/// <see cref="DecoderFallbackException"/>.
/// </summary>
public sealed class CsvRecords : IDisposable
{
    private static readonly CsvReaderOptions Strict = new()
    {
        HasHeader = false,
        Separator = ',',
        Mode = CsvMode.Rfc4180,
        MalformedData = CsvMalformedDataHandling.Throw,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = false,
        TrackLineNumbers = true,
    };

    private readonly CsvReader _reader;

    public CsvRecords(Stream input) =>
        _reader = CsvReader.Create(
            new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16), Strict, leaveOpen: false);

    /// <summary>The number of the record last read (1-based), for messages.</summary>
    public long Record { get; private set; }

    /// <summary>The next record's fields, or null at the end of the text.</summary>
    public string[]? Read()
    {
        if (!_reader.Read())
        {
            return null;
        }

        Record++;
        var fields = new string[_reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = _reader.GetString(i);
        }

        return fields;
    }

    public void Dispose() => _reader.Dispose();
}
