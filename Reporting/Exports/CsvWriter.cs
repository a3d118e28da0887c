using System.Text;

namespace FundManager.Reporting.Exports;

/// <summary>
/// RFC 4180 text: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma, a quote, a CR
/// or an LF, quotes inside doubled. UTF-8 without a byte-order mark. Fields are written as given; formatting numbers and
/// dates (invariant culture) is the caller's.
/// </summary>
public sealed class CsvWriter(Stream output) : IDisposable
{
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };

    /// <summary>The number of records written, the header included.</summary>
    public long Records { get; private set; }

    public void Record(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteField(fields[i]);
        }

        _writer.Write("\r\n");
        Records++;
    }

    /// <summary>One field as RFC 4180 writes it: quoted only when it must be.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value) || !NeedsQuotes(value))
        {
            return value ?? "";
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes what is buffered to the output.</summary>
    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    private void WriteField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!NeedsQuotes(value))
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                _writer.Write('"');
            }

            _writer.Write(c);
        }

        _writer.Write('"');
    }

    private static bool NeedsQuotes(string value) => value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
}
