using System.Globalization;
using System.Text.RegularExpressions;
using FundManager.Reporting.Charts;
using FundManager.Reporting.Figures;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FundManager.Reporting.Templates;

/// <summary>
/// The report templates (Scriban) in a directory the secretariat may edit: each is read afresh when a report is made,
/// so a change shows in the next report without rebuilding anything. The model is read-only data (<see
/// cref="TemplateModel"/>); a mistake is reported with the template's name, line and column
/// (<see cref="TemplateException"/>). Functions format the UN way: <c>{{ usd x }}</c> → US$ 1,234,567,
/// <c>{{ usd_cents x }}</c> → US$ 1,234,567.89, <c>{{ date d }}</c> → 31 December 2025, <c>{{ percent p }}</c> → 25%,
/// <c>{{ number n }}</c>, <c>{{ amount x currency }}</c>, <c>{{ words Name }}</c> → "Name" as words, and
/// <c>{{ chart "name" }}</c> places one of the report's charts.
/// </summary>
public sealed partial class TemplateLibrary(string directory)
{
    public const string EnvironmentVariable = "FUNDMANAGER_TEMPLATES";

    /// <summary>The extension of a template: <c>narrative.md.sbn</c> is Markdown, <c>*.html.sbn</c> HTML.</summary>
    public const string Extension = ".sbn";

    public string Directory { get; } = directory;

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
    /// templates escape HTML and place charts as inline SVG. <paramref name="markup"/> names text the program made that
    /// the template writes as it is (a page's body).
    /// </summary>
    public string Render(string name, object model, IReadOnlyDictionary<string, Chart>? charts = null, IReadOnlyDictionary<string, string>? markup = null)
    {
        var path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            throw new TemplateException(name, 1, 1, $"there is no template {name} in {Directory}");
        }

        var template = Template.Parse(File.ReadAllText(path), name);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new TemplateException(name, first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
        }

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
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(name, e.Span.Start.Line + 1, e.Span.Start.Column + 1, Problem(e), e);
        }
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
