using System.Text;

namespace FundManager.Reference;

/// <summary>
/// Reads the reference files embedded from <c>config/reference/</c>. Lines starting with <c>#</c>
/// carry the file's source and are skipped, as are blank lines.
/// </summary>
internal static class ReferenceFile
{
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(ReferenceFile).Assembly.GetManifestResourceStream("reference/" + name)
            ?? throw new InvalidOperationException($"Reference file {name} is not embedded; is config/reference/{name} missing?");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    /// <summary>Rows of a CSV file with a header line, as dictionaries keyed by the trimmed column names.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Csv(string name)
    {
        string[]? header = null;
        foreach (var line in Lines(name))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = SplitCsv(line);
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i].Trim() : "";
            }

            yield return row;
        }
    }

    // RFC 4180 fields on one line: commas separate, double quotes enclose, "" is a quote.
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
