using System.Globalization;
using FundManager.Common;
using FundManager.Recommendations;
using FundManager.Reference;

namespace FundManager.Api.Imports;

/// <summary>
/// An export of UPR recommendations from OHCHR's Universal Human Rights Index (CSV, or the same table as XLSX). Its columns
/// are found by name: <c>OHCHR Annotation Id</c>, <c>Text</c>, <c>Countries Concerned</c> (the State under review),
/// <c>UPR Reccomending States</c> (sic, or spelt right), <c>UPR Position</c>, <c>UPR Session</c>, optionally <c>UPR Cycle</c>
/// (else the session's), <c>Themes</c>, <c>Affected Persons</c>, <c>Sdgs</c> (<c>16.3 - Promote the rule of law</c>) and
/// <c>Document Symbol</c>. A multi-value cell holds one value per line, each prefixed <c>- </c>. States are written by
/// name, as UN documents write them.
/// </summary>
public static class UhriExport
{
    public const int MaxRows = 100_000;

    // The first session of each UPR cycle: 1 (2008), 13 (2012), 27 (2017), 41 (2022), 55 (2027).
    private static readonly int[] CycleStarts = [1, 13, 27, 41, 55];

    public static IReadOnlyList<UhriLine> Parse(IReadOnlyList<TableRow> rows, string field)
    {
        var content = rows.Where(r => !r.IsEmpty).ToList();
        if (content.Count == 0)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The file holds no recommendations.", field);
        }

        var columns = Columns.Of(content[0], field);
        var lines = new List<UhriLine>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in content.Skip(1))
        {
            var line = Read(row, columns, field);
            if (seen.TryGetValue(line.Recommendation.Id, out var earlier))
            {
                throw RuleViolation.Of(BusinessRule.InvalidInput, $"Lines {earlier} and {row.Line} both hold annotation {line.Recommendation.Id}.", field, ("line", row.Line));
            }

            seen.Add(line.Recommendation.Id, row.Line);
            lines.Add(line);
        }

        return lines;
    }

    private static UhriLine Read(TableRow row, Columns columns, string field)
    {
        RuleViolation Bad(string what) => row.Refusal(what, field);
        var id = row.Cell(columns.Id);
        if (id.Length == 0)
        {
            throw Bad("no annotation id.");
        }

        var concerned = Values(row.Cell(columns.StateUnderReview));
        if (concerned.Count != 1)
        {
            throw Bad($"the recommendation concerns {concerned.Count} States; one State is under review.");
        }

        var session = FirstNumber(row.Cell(columns.Session)) ?? throw Bad($"the session '{row.Cell(columns.Session)}' holds no number.");
        var cycle = columns.Cycle is { } c ? FirstNumber(row.Cell(c)) : null;
        var position = row.Cell(columns.Position).ToLowerInvariant() switch
        {
            var p when p.StartsWith("support", StringComparison.Ordinal) => RecommendationPosition.Supported,
            var p when p.StartsWith("note", StringComparison.Ordinal) => RecommendationPosition.Noted,
            var other => throw Bad($"the position '{other}' is neither supported nor noted."),
        };
        var recommendation = new RegisterRecommendation(
            id,
            State(concerned[0], row, field),
            Values(row.Cell(columns.RecommendingStates)).Select(s => State(s, row, field)).ToList(),
            cycle ?? CycleOf(session),
            session,
            row.Cell(columns.Text),
            columns.Themes is { } themes ? Values(row.Cell(themes)) : [],
            columns.Sdgs is { } sdgs ? Values(row.Cell(sdgs)).Select(Target).Where(t => t is not null).Select(t => t!).ToList() : [],
            position,
            columns.AffectedPersons is { } affected ? Values(row.Cell(affected)) : [],
            columns.DocumentSymbol is { } symbol ? row.Cell(symbol) : null);
        try
        {
            // The domain's checks, here, so that a refusal names the line.
            UprRecommendation.Register(id, recommendation);
        }
        catch (RuleViolation e)
        {
            throw LineRefusal.Of(e, row.Line, field);
        }

        return new UhriLine(row.Line, recommendation);
    }

    /// <summary>The values of a multi-value cell: one per line, each prefixed "- ".</summary>
    private static List<string> Values(string cell) =>
        cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.StartsWith('-') ? v[1..].Trim() : v)
            .Where(v => v.Length > 0)
            .ToList();

    private static string State(string name, TableRow row, string field) =>
        CountryCatalog.Default.FindByName(name)?.Code.Value
        ?? throw row.Refusal($"'{name}' is not a country the UN's M49 standard names.", field, BusinessRule.UnknownCountry);

    // "16.3 - Promote the rule of law" → 16.3; a goal alone ("16 - Peace, justice …") names no target and adds none.
    private static string? Target(string value)
    {
        var code = value.Split(' ', 2)[0].Trim();
        return code.Contains('.', StringComparison.Ordinal) ? code : null;
    }

    private static int? FirstNumber(string text)
    {
        var digits = new string(text.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 6 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    private static int CycleOf(int session) => CycleStarts.Count(start => session >= start);

    private sealed record Columns(
        int Id, int Text, int StateUnderReview, int RecommendingStates, int Position, int Session,
        int? Cycle, int? Themes, int? AffectedPersons, int? Sdgs, int? DocumentSymbol)
    {
        public static Columns Of(TableRow header, string field)
        {
            var names = header.ColumnNames();
            int? Optional(params string[] accepted) => names.FindIndex(accepted.Contains) is var i and >= 0 ? i : null;
            int Required(string shown, params string[] accepted) => Optional(accepted)
                ?? throw header.Refusal($"no column '{shown}'.", field);
            return new Columns(
                Required("OHCHR Annotation Id", "ohchrannotationid", "annotationid"),
                Required("Text", "text"),
                Required("Countries Concerned", "countriesconcerned", "countryconcerned", "stateunderreview"),
                Required("UPR Recommending States", "uprreccomendingstates", "uprrecommendingstates", "recommendingstates"),
                Required("UPR Position", "uprposition", "position"),
                Required("UPR Session", "uprsession", "session"),
                Optional("uprcycle", "cycle"),
                Optional("themes"),
                Optional("affectedpersons"),
                Optional("sdgs", "sdgtargets"),
                Optional("documentsymbol"));
        }
    }
}
