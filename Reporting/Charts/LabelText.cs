using System.Text;

namespace FundManager.Reporting.Charts;

/// <summary>
/// Cleans, measures and shortens chart text. A character is taken to be <see cref="Advance"/> times the font size wide,
/// about a sans-serif font's average (DejaVu Sans's is 0.55 to 0.6), so the layout is the same whatever font shows it;
/// the PNG narrows a text its font draws wider than that (<see cref="PngChart"/>). Lengths count Unicode scalar values,
/// so a surrogate pair is one character and never split.
/// </summary>
internal static class LabelText
{
    public const double Advance = 0.6;

    public const string Ellipsis = "\u2026";

    /// <summary>
    /// The text with control characters and runs of white space made one space, and the two non-characters XML
    /// forbids even escaped (U+FFFE, U+FFFF) replaced; a lone surrogate is already U+FFFD when enumerated.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = clean.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                clean.Append(' ');
                pendingSpace = false;
            }

            clean.Append(rune.Value is 0xFFFE or 0xFFFF ? Rune.ReplacementChar : rune);
        }

        return clean.ToString();
    }

    public static int Length(string text) => text.EnumerateRunes().Count();

    public static double Width(string text, double size) => Length(text) * Advance * size;

    /// <summary>The text, cut with an ellipsis if it is wider than <paramref name="maxWidth"/> at <paramref name="size"/>.</summary>
    public static string Fit(string text, double size, double maxWidth) =>
        Truncate(text, (int)Math.Floor(Math.Max(0, maxWidth) / (Advance * size)));

    /// <summary>The text, cut to at most <paramref name="maxLength"/> characters of which the last is an ellipsis.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (Length(text) <= maxLength)
        {
            return text;
        }

        if (maxLength <= 1)
        {
            return maxLength == 1 ? Ellipsis : "";
        }

        var kept = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Take(maxLength - 1))
        {
            kept.Append(rune);
        }

        return kept.ToString().TrimEnd() + Ellipsis;
    }
}
