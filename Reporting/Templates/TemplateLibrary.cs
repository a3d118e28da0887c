using System.Globalization;
using System.Text.RegularExpressions;
using FundManager.Reporting.Charts;
using FundManager.Reporting.Figures;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FundManager.Reporting.Templates;

/// <summary>
/// The report templates (Scriban): the files shipped in a directory (version 0 of each, read afresh when a report is
/// made, so a change to a file shows in the next report), overlaid by the versions administrators saved since
/// (<see cref="WithEdits"/>), which win. The model is read-only data (<see
/// cref="TemplateModel"/>); a mistake is reported with the template's name, line and column
/// (<see cref="TemplateException"/>). Functions format the UN way: <c>{{ usd x }}</c> → US$ 1,234,567,
/// <c>{{ usd_cents x }}</c> → US$ 1,234,567.89, <c>{{ date d }}</c> → 31 December 2025, <c>{{ percent p }}</c> → 25%,
/// <c>{{ number n }}</c>, <c>{{ amount x currency }}</c>, <c>{{ words Name }}</c> → "Name" as words, and
/// <c>{{ chart "name" }}</c> places one of the report's charts.
/// </summary>
public sealed partial class TemplateLibrary
{
    public const string EnvironmentVariable = "FUNDMANAGER_TEMPLATES";

    /// <summary>The extension of a template: <c>narrative.md.sbn</c> is Markdown, <c>*.html.sbn</c> HTML.</summary>
    public const string Extension = ".sbn";

    private readonly IReadOnlyDictionary<string, ReportTemplate> _edited;

    public TemplateLibrary(string directory)
        : this(directory, new Dictionary<string, ReportTemplate>())
    {
    }

    private TemplateLibrary(string directory, IReadOnlyDictionary<string, ReportTemplate> edited)
    {
        Directory = directory;
        _edited = edited;
    }

    public string Directory { get; }

    /// <summary>The templates there are: the names of the files shipped (<c>*.sbn</c>), in order.</summary>
    public IReadOnlyList<string> Names =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*" + Extension).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>This library with <paramref name="edits"/> (the latest saved version of some templates) used instead of the files.</summary>
    public TemplateLibrary WithEdits(IEnumerable<ReportTemplate> edits) =>
        new(Directory, edits.ToDictionary(t => t.Name, StringComparer.Ordinal));

    /// <summary>Version 0 of template <paramref name="name"/>: the file as shipped.</summary>
    /// <exception cref="TemplateException">There is no such template.</exception>
    public ReportTemplate Shipped(string name)
    {
        var path = Path.Combine(Directory, name);
        return Names.Contains(name, StringComparer.Ordinal)
            ? new ReportTemplate(name, 0, File.ReadAllText(path))
            : throw new TemplateException(name, 1, 1, $"there is no template {name} in {Directory}");
    }

    /// <summary>The version of template <paramref name="name"/> that reports use now: the latest saved, else the file.</summary>
    public ReportTemplate Current(string name) => _edited.TryGetValue(name, out var edited) ? edited : Shipped(name);

    /// <summary>
    /// The templates' directory: <c>FUNDMANAGER_TEMPLATES</c> if set; else <c>config/templates</c> of the checkout the
    /// program runs from; else the copy installed beside the program.
    /// </summary>
    public static TemplateLibrary Default()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return new TemplateLibrary(configured);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "config", "templates");
                if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "FundManager.sln")))
                {
                    return new TemplateLibrary(candidate);
                }
            }
        }

        return new TemplateLibrary(Path.Combine(AppContext.BaseDirectory, "templates"));
    }

    /// <summary>
    /// Renders template <paramref name="name"/> on <paramref name="model"/> (see <see cref="TemplateModel"/>). Markdown
    /// templates escape what values would make Markdown do, and place charts as <c>![title](chart:name)</c>; HTML
    /// templates escape HTML, place charts as inline SVG, and end with the template's <see cref="ReportTemplate.HtmlStamp"/>.
    /// <paramref name="markup"/> names text the program made that the template writes as it is (a page's body).
    /// </summary>
    public string Render(string name, object model, IReadOnlyDictionary<string, Chart>? charts = null, IReadOnlyDictionary<string, string>? markup = null) =>
        Render(Current(name), model, charts, markup);

    /// <summary>Renders one given version of a template (a preview renders text not saved yet); see the other overload.</summary>
    public static string Render(ReportTemplate version, object model, IReadOnlyDictionary<string, Chart>? charts = null, IReadOnlyDictionary<string, string>? markup = null)
    {
        var name = version.Name;
        var template = Parse(version);
        var markdown = name.EndsWith(".md" + Extension, StringComparison.OrdinalIgnoreCase);
        var context = new ReportTemplateContext(markdown);
        context.PushGlobal(Functions(markdown, charts ?? new Dictionary<string, Chart>()));
        var data = TemplateModel.From(model);
        foreach (var (key, text) in markup ?? new Dictionary<string, string>())
        {
            data.SetValue(key, new TemplateMarkup(text), readOnly: true);
        }

        context.PushGlobal(data);
        context.PushGlobal(new ScriptObject());
        try
        {
            var text = template.Render(context);
            return markdown ? text : text + Environment.NewLine + version.HtmlStamp + Environment.NewLine;
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(name, e.Span.Start.Line + 1, e.Span.Start.Column + 1, Problem(e), e);
        }
    }

    /// <summary>Parses <paramref name="version"/>; a mistake throws <see cref="TemplateException"/> with its line and column.</summary>
    public static Template Parse(ReportTemplate version)
    {
        var template = Template.Parse(version.Text, version.Name);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new TemplateException(version.Name, first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
        }

        return template;
    }

    /// <summary>A name as written in code, as words: <c>FullyImplemented</c> → "Fully implemented".</summary>
    public static string Words(string name)
    {
        var spaced = CapitalInside().Replace(name, " $1").ToLowerInvariant();
        return spaced.Length == 0 ? spaced : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    private static ScriptObject Functions(bool markdown, IReadOnlyDictionary<string, Chart> charts)
    {
        var functions = new ScriptObject();
        functions.Import("usd", new Func<object?, string>(value => value is null ? "" : UnStyle.Usd(Decimal(value, "usd"))));
        functions.Import("usd_cents", new Func<object?, string>(value => value is null ? "" : UnStyle.UsdCents(Decimal(value, "usd_cents"))));
        functions.Import("percent", new Func<object?, string>(value => value is null ? "" : UnStyle.Percent(Decimal(value, "percent"))));
        functions.Import("number", new Func<object?, string>(value => value is null ? "" : UnStyle.Number(Decimal(value, "number"))));
        functions.Import("amount", new Func<object?, string?, string>((value, currency) =>
            value is null || currency is null
                ? ""
                : UnStyle.Amount(Decimal(value, "amount"), currency, Finance.CurrencyCode.TryParse(currency, out var code) ? code.MinorUnits : 2)));
        functions.Import("date", new Func<object?, string>(Date));
        functions.Import("words", new Func<object?, string>(value => value is string text ? Words(text) : ""));
        functions.Import("chart", new Func<string, TemplateMarkup>(key => charts.TryGetValue(key, out var chart)
            ? new TemplateMarkup(markdown ? $"![{chart.Title.Replace("]", "", StringComparison.Ordinal)}](chart:{key})" : SvgChart.Render(chart))
            : throw new ArgumentException($"there is no chart '{key}'; the charts are: {string.Join(", ", charts.Keys)}")));
        functions.IsReadOnly = true;
        return functions;
    }

    private static decimal Decimal(object value, string function) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new ArgumentException($"{function} needs a number, not '{value}'"),
    };

    private static string Date(object? value) => value switch
    {
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => UnStyle.Date(day),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => UnStyle.Date(DateOnly.FromDateTime(at.UtcDateTime)),
        _ => "",
    };

    // Scriban's message, with the function's own words when one of ours refused its argument.
    private static string Problem(ScriptRuntimeException e) =>
        e.InnerException is ArgumentException refused ? refused.Message : e.OriginalMessage;

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CapitalInside();
}
