namespace FundManager.Reporting.Charts;

/// <summary>
/// Draws text into a <see cref="Raster"/> with the <see cref="BitmapFont"/>, each font pixel a square of
/// <c>size / 10</c> pixels (rounded down, at least one): 24 px text draws at twice the font's size, 12 px cells wide,
/// never wider than the <see cref="LabelText.Advance"/> the layout measured with.
/// </summary>
internal static class RasterText
{
    public static void Draw(Raster raster, ChartText text)
    {
        var scale = Math.Max(1, (int)Math.Floor(text.Size / 10));
        var characters = text.Text.EnumerateRunes().Select(GlyphFallback.For).ToList();
        if (characters.Count == 0)
        {
            return;
        }

        // The last cell's blank column is not part of the text's width.
        var width = (characters.Count * BitmapFont.Advance - 1) * scale;
        var left = text.Anchor switch
        {
            TextAnchor.Middle => text.X - width / 2.0,
            TextAnchor.End => text.X - width,
            _ => text.X,
        };
        var top = Math.Round(text.Y) - BitmapFont.Ascent * scale;

        // Bold doubles each stroke one pixel to the right, inside the blank column between glyphs.
        var offsets = text.Bold ? new[] { 0, 1 } : [0];
        for (var index = 0; index < characters.Count; index++)
        {
            var glyph = BitmapFont.Glyph(characters[index]);
            var cellLeft = Math.Round(left) + index * BitmapFont.Advance * scale;
            for (var row = 0; row < BitmapFont.Rows; row++)
            {
                for (var column = 0; column < BitmapFont.Columns; column++)
                {
                    if ((glyph[row] & (1 << (BitmapFont.Columns - 1 - column))) == 0)
                    {
                        continue;
                    }

                    foreach (var offset in offsets)
                    {
                        raster.FillRect(cellLeft + column * scale + offset, top + row * scale, scale, scale, text.Fill);
                    }
                }
            }
        }
    }
}
