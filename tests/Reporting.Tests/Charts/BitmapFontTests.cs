using System.Text;
using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Tests.Charts;

public sealed class BitmapFontTests
{
    [Fact]
    public void Every_printable_ascii_character_has_its_own_glyph_within_five_columns()
    {
        var printable = Enumerable.Range(' ', '~' - ' ' + 1).Select(code => (char)code).ToList();

        var glyphs = printable.Select(character => Convert.ToHexString(BitmapFont.Glyph(character))).ToList();

        Assert.Equal(printable.Count, glyphs.Distinct().Count());
        Assert.All(printable, character => Assert.All(BitmapFont.Glyph(character).ToArray(), row => Assert.InRange(row, 0, 0b11111)));
        Assert.All(printable.Skip(1), character => Assert.Contains(BitmapFont.Glyph(character).ToArray(), row => row != 0));
    }

    [Fact]
    public void Only_the_comma_and_the_letters_with_tails_reach_below_the_baseline()
    {
        var descending = Enumerable.Range(' ', '~' - ' ' + 1).Select(code => (char)code).Where(c => BitmapFont.Glyph(c)[BitmapFont.Ascent] != 0);

        Assert.Equal(",gjpqy", string.Concat(descending));
    }

    [Theory]
    [InlineData("é", 'e')]
    [InlineData("Ô", 'O')]
    [InlineData("ü", 'u')]
    [InlineData("Ł", 'L')]
    [InlineData("ø", 'o')]
    [InlineData("ß", 's')]
    [InlineData("–", '-')]
    [InlineData("’", '\'')]
    [InlineData("«", '"')]
    [InlineData("\u00A0", ' ')]
    [InlineData("€", '€')]
    [InlineData("…", '…')]
    [InlineData("中", '?')]
    [InlineData("\U0001F30D", '?')]
    public void A_character_outside_the_font_is_drawn_as_its_nearest_ascii_letter_or_a_question_mark(string text, char drawn)
    {
        Assert.Equal(drawn, GlyphFallback.For(Rune.GetRuneAt(text, 0)));
    }
}
