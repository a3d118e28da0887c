using System.Text;

namespace FundManager.Reporting.Exports;

/// <summary>
/// Reads RFC 4180 records one at a time from UTF-8 text: quoted fields may hold commas, doubled quotes and line breaks,
/// which are kept exactly (a CRLF inside quotes stays CRLF). Records end with CRLF (a bare LF is also accepted, as many
/// tools write it). A quote inside an unquoted field or text after a closing quote is malformed.
/// </summary>
public sealed class CsvReader(Stream input) : IDisposable
{
    private readonly StreamReader _reader = new(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16);
    private readonly StringBuilder _field = new();

    /// <summary>The number of the record last read (1-based), for messages.</summary>
    public long Record { get; private set; }

    /// <summary>The next record's fields, or null at the end of the text. Throws <see cref="FormatException"/> on malformed text.</summary>
    public string[]? Read()
    {
        if (_reader.Peek() < 0)
        {
            return null;
        }

        Record++;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            var next = _reader.Read();
            if (quoted)
            {
                if (next < 0)
                {
                    throw new FormatException($"record {Record}: a quoted field is not closed before the end of the file");
                }

                if (next == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    _field.Append((char)next);
                }

                continue;
            }

            switch (next)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                    break;
                case '\r' when _reader.Peek() == '\n':
                    _reader.Read();
                    fields.Add(_field.ToString());
                    return [.. fields];
                case '\n':
                case < 0:
                    fields.Add(_field.ToString());
                    return [.. fields];
                case '"' when _field.Length == 0 && !afterQuote:
                    quoted = true;
                    break;
                default:
                    if (afterQuote || next == '"')
                    {
                        throw new FormatException($"record {Record}: a quote inside a field, or text after a closing quote");
                    }

                    _field.Append((char)next);
                    break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
