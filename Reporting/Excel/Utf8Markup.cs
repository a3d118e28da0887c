using System.Buffers.Text;
using System.Text;

namespace FundManager.Reporting.Excel;

/// <summary>
/// Writes XML markup as UTF-8 bytes straight into a buffer: literal markup as it is, text and attribute values escaped.
/// A sheet of a million rows is mostly the same few tags; writing them as bytes, with no well-formedness bookkeeping,
/// makes it several times quicker than a general <see cref="System.Xml.XmlWriter"/>. Escaping follows XML 1.0: &amp;,
/// &lt; and &gt; always, quotes in attributes; a CR as <c>&amp;#xD;</c> (a reader would otherwise turn it into a LF);
/// characters XML cannot carry (most controls, lone surrogates) as a space.
/// </summary>
internal sealed class Utf8Markup(Stream output) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public void Raw(ReadOnlySpan<byte> markup)
    {
        if (markup.Length > _buffer.Length - _used)
        {
            Flush();
            if (markup.Length > _buffer.Length)
            {
                output.Write(markup);
                return;
            }
        }

        markup.CopyTo(_buffer.AsSpan(_used));
        _used += markup.Length;
    }

    /// <summary>Markup given as text (tag names and values known to need no escaping).</summary>
    public void Raw(string markup) => Text(markup, escape: false);

    public void Text(string text) => Text(text, escape: true, attribute: false);

    public void Attribute(string value) => Text(value, escape: true, attribute: true);

    public void Number(long value)
    {
        Ensure(24);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
        _used += written;
    }

    /// <summary>A decimal as written in XML and by <see cref="decimal.ToString()"/> (invariant, its scale kept: 0.00).</summary>
    public void Number(decimal value)
    {
        Ensure(40);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
        _used += written;
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose() => Flush();

    private void Text(string text, bool escape, bool attribute = false)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            ReadOnlySpan<byte> replacement = c switch
            {
                '&' when escape => "&amp;"u8,
                '<' when escape => "&lt;"u8,
                '>' when escape => "&gt;"u8,
                '"' when escape && attribute => "&quot;"u8,
                '\r' when escape => "&#xD;"u8,
                '\n' when escape && attribute => "&#xA;"u8,
                '\t' when escape && attribute => "&#x9;"u8,
                < ' ' when c is not ('\t' or '\n' or '\r') => " "u8,
                '\uFFFE' or '\uFFFF' => " "u8,
                _ when char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) => " "u8,
                _ => default,
            };
            if (replacement.IsEmpty)
            {
                continue;
            }

            Chars(text.AsSpan(start, i - start));
            Raw(replacement);
            start = i + 1;
        }

        Chars(text.AsSpan(start));
    }

    private void Chars(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            // Up to three bytes a char (a surrogate pair is two chars and four bytes).
            var take = Math.Min(chars.Length, (_buffer.Length - _used) / 3);
            if (take == 0)
            {
                Flush();
                continue;
            }

            if (take < chars.Length && char.IsHighSurrogate(chars[take - 1]))
            {
                take--;
                if (take == 0)
                {
                    Flush();
                    continue;
                }
            }

            _used += Encoding.UTF8.GetBytes(chars[..take], _buffer.AsSpan(_used));
            chars = chars[take..];
        }
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            Flush();
        }
    }
}
