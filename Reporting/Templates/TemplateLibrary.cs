using System.Globalization;
using System.Text.RegularExpressions;
using FundManager.Reporting.Charts;
using FundManager.Reporting.Figures;
using HandlebarsDotNet;

namespace FundManager.Reporting.Templates;

/// <summary>
/// The report templates (Handlebars) in a directory the secretariat may edit: each is read afresh when a report is
/// made, so a change shows in the next report without rebuilding anything. A mistake is reported with the template's
/// name and line (<see cref="TemplateException"/>). Helpers format the UN way: <c>{{usd x}}</c> → US$ 1,234,567,
/// <c>{{date d}}</c> → 31 December 2025, <c>{{percent p}}</c> → 25%, <c>{{number n}}</c>, <c>{{amount x currency}}</c>,
/// <c>{{words Name}}</c> → "Name" as words, and <c>{{chart "name"}}</c> places one of the report's charts.
/// </summary>
public sealed partial class TemplateLibrary(string directory)
{
    public const string EnvironmentVariable = "FUNDMANAGER_TEMPLATES";

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
    /// Renders template <paramref name="name"/> on <paramref name="model"/> (see <see cref="TemplateModel"/>).
    /// Markdown templates escape what values would make Markdown do, and place charts as <c>![title](chart:name)</c>;
    /// HTML templates escape HTML and place charts as inline SVG (use <c>{{{chart "name"}}}</c>).
    /// </summary>
    public string Render(string name, object model, IReadOnlyDictionary<string, Chart>? charts = null)
    {
        var path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            throw new TemplateException(name, 1, $"there is no template {name} in {Directory}");
        }

        var text = File.ReadAllText(path);
        if (TemplateScanner.StructuralMistake(text) is { } mistake)
        {
            throw new TemplateException(name, mistake.Line, mistake.Problem);
        }

        var markdown = name.EndsWith(".md.hbs", StringComparison.OrdinalIgnoreCase);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            TextEncoder = markdown ? new MarkdownTextEncoder() : new HtmlEncoder(),
            FormatProvider = CultureInfo.InvariantCulture,
        });
        RegisterHelpers(handlebars, name, text, markdown, charts ?? new Dictionary<string, Chart>());
        try
        {
            return handlebars.Compile(text)(TemplateModel.From(model));
        }
        catch (TemplateException)
        {
            throw;
        }
        catch (Exception e) when (e is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            var missing = Undefined().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : Quoted().Match(e.Message) is { Success: true } q ? q.Groups[1].Value : null;
            var problem = e is HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException ? $"'{missing}' is not in the template model (README, Template model)" : e.Message;
            throw new TemplateException(name, missing is null ? 1 : TemplateScanner.LineOfName(text, missing), problem, e);
        }
    }

    private static void RegisterHelpers(IHandlebars handlebars, string name, string text, bool markdown, IReadOnlyDictionary<string, Chart> charts)
    {
        decimal Decimal(object? value, string helper) => value switch
        {
            decimal d => d,
            int i => i,
            long l => l,
            string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw new TemplateException(name, TemplateScanner.LineOfName(text, helper), $"{{{{{helper}}}}} needs a number, not '{value}'"),
        };

        handlebars.RegisterHelper("usd", (_, a) => a.Length > 0 && a[0] is not null ? UnStyle.Usd(Decimal(a[0], "usd")) : "");
        handlebars.RegisterHelper("usdCents", (_, a) => a.Length > 0 && a[0] is not null ? UnStyle.UsdCents(Decimal(a[0], "usdCents")) : "");
        handlebars.RegisterHelper("percent", (_, a) => a.Length > 0 && a[0] is not null ? UnStyle.Percent(Decimal(a[0], "percent")) : "");
        handlebars.RegisterHelper("number", (_, a) => a.Length > 0 && a[0] is not null ? UnStyle.Number(Decimal(a[0], "number")) : "");
        handlebars.RegisterHelper("amount", (_, a) =>
            a.Length >= 2 && a[0] is not null && a[1] is string currency
                ? UnStyle.Amount(Decimal(a[0], "amount"), currency, FundManager.Finance.CurrencyCode.TryParse(currency, out var c) ? c.MinorUnits : 2)
                : "");
        handlebars.RegisterHelper("date", (_, a) =>
            a.Length > 0 && a[0] is string s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? UnStyle.Date(d)
            : a.Length > 0 && a[0] is string t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) ? UnStyle.Date(DateOnly.FromDateTime(dt.UtcDateTime))
            : "");
        handlebars.RegisterHelper("words", (_, a) => a.Length > 0 && a[0] is string s ? Words(s) : "");
        handlebars.RegisterHelper("eq", (_, a) => a.Length == 2 && Equals(a[0]?.ToString(), a[1]?.ToString()));
        handlebars.RegisterHelper("chart", (writer, _, a) =>
        {
            var key = a.Length > 0 ? a[0]?.ToString() ?? "" : "";
            if (!charts.TryGetValue(key, out var chart))
            {
                throw new TemplateException(name, TemplateScanner.LineOfName(text, key.Split('-')[0]), $"there is no chart '{key}'; the charts are: {string.Join(", ", charts.Keys)}");
            }

            writer.WriteSafeString(markdown ? $"![{chart.Title.Replace("]", "", StringComparison.Ordinal)}](chart:{key})" : SvgChart.Render(chart));
        });
    }

    /// <summary>A name as written in code, as words: <c>FullyImplemented</c> → "Fully implemented".</summary>
    public static string Words(string name)
    {
        var spaced = CapitalInside().Replace(name, " $1").ToLowerInvariant();
        return spaced.Length == 0 ? spaced : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CapitalInside();

    [GeneratedRegex(@"^(\S+) is undefined")]
    private static partial Regex Undefined();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();
}
