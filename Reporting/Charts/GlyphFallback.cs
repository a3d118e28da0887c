using System.Text;

namespace FundManager.Reporting.Charts;

/// <summary>
/// What the PNG draws for a character its font lacks: an accented Latin letter as its base letter (é as e, Ł as L),
/// typographic dashes, quotes and spaces as their ASCII forms, anything else as '?'. One character always stands for
/// one, so the width the layout measured holds. (Normalisation to form D would find base letters, but not for Ł or
/// ø, and the build runs in invariant globalisation mode.)
/// </summary>
internal static class GlyphFallback
{
    private static readonly Dictionary<int, char> Substitutes = Build(
        ("ÀÁÂÃÄÅĀĂĄǍ", 'A'), ("àáâãäåāăąǎª", 'a'), ("Æ", 'A'), ("æ", 'a'),
        ("ÇĆĈĊČ", 'C'), ("çćĉċč", 'c'), ("ĎĐÐ", 'D'), ("ďđð", 'd'),
        ("ÈÉÊËĒĔĖĘĚ", 'E'), ("èéêëēĕėęě", 'e'), ("ĜĞĠĢ", 'G'), ("ĝğġģ", 'g'), ("ĤĦ", 'H'), ("ĥħ", 'h'),
        ("ÌÍÎÏĨĪĬĮİǏ", 'I'), ("ìíîïĩīĭįıǐ", 'i'), ("Ĵ", 'J'), ("ĵ", 'j'), ("Ķ", 'K'), ("ķ", 'k'),
        ("ĹĻĽĿŁ", 'L'), ("ĺļľŀł", 'l'), ("ÑŃŅŇ", 'N'), ("ñńņňŉ", 'n'),
        ("ÒÓÔÕÖØŌŎŐǑŒ", 'O'), ("òóôõöøōŏőǒœº", 'o'), ("ŔŖŘ", 'R'), ("ŕŗř", 'r'),
        ("ŚŜŞŠȘ", 'S'), ("śŝşšșß", 's'), ("ŢŤŦȚÞ", 'T'), ("ţťŧțþ", 't'),
        ("ÙÚÛÜŨŪŬŮŰŲǓ", 'U'), ("ùúûüũūŭůűųǔ", 'u'), ("Ŵ", 'W'), ("ŵ", 'w'),
        ("ÝŶŸ", 'Y'), ("ýÿŷ", 'y'), ("ŹŻŽ", 'Z'), ("źżž", 'z'),
        ("‐‑‒–—―−", '-'), ("‘’‚‛′`´", '\''), ("“”„‟″«»", '"'), ("·•", '.'), ("×", 'x'),
        ("\u00A0\u2002\u2003\u2007\u2009\u200A\u202F", ' '));

    /// <summary>The character the font draws for <paramref name="rune"/>.</summary>
    public static char For(Rune rune)
    {
        if (rune.IsBmp && BitmapFont.Has((char)rune.Value))
        {
            return (char)rune.Value;
        }

        return Substitutes.GetValueOrDefault(rune.Value, '?');
    }

    private static Dictionary<int, char> Build(params (string Letters, char Plain)[] groups)
    {
        var substitutes = new Dictionary<int, char>();
        foreach (var (letters, plain) in groups)
        {
            foreach (var letter in letters)
            {
                substitutes[letter] = plain;
            }
        }

        return substitutes;
    }
}
