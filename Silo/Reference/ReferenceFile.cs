using System.Text;
using CsvHelper;

namespace FundManager.Reference;

/// <summary>
/// Reads the reference files embedded from <c>config/reference/</c>. Lines starting with <c>#</c> carry the file's
/// source and are comments, in CSV (CsvHelper) as in YAML; blank lines are skipped.
/// </summary>
internal static class ReferenceFile
{
    private static readonly CsvReaderOptions Format = new()
    {
        HasHeader = true,
        Separator = ',',
        CommentPrefix = '#',
        SkipEmptyLines = true,
        TrimWhitespace = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>The file's text, whole.</summary>
    public static TextReader Open(string name) =>
        new StreamReader(
            typeof(ReferenceFile).Assembly.GetManifestResourceStream("reference/" + name)
            ?? throw new InvalidOperationException($"Reference file {name} is not embedded; is config/reference/{name} missing?"),
            Encoding.UTF8);

    /// <summary>Rows of a CSV file with a header line, as dictionaries keyed by the trimmed column names.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Csv(string name)
    {
        using var csv = CsvReader.Create(Open(name), Format, leaveOpen: false);
        while (csv.Read())
        {
            var header = csv.Headers;
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
            }

            yield return row;
        }
    }
}
