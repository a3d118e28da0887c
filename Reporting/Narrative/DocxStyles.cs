using DocumentFormat.OpenXml.Wordprocessing;

namespace FundManager.Reporting.Narrative;

/// <summary>The Word report's styles: Arial body text, three heading levels, list and table paragraphs, figures and captions, a ruled table style.</summary>
internal static class DocxStyles
{
    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "21" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", isDefault: true),
        Paragraph("Heading1", "heading 1", next: "Normal", outline: 0, size: "36", colour: "0B3D66", before: "360", after: "160"),
        Paragraph("Heading2", "heading 2", next: "Normal", outline: 1, size: "28", colour: "0B3D66", before: "320", after: "120"),
        Paragraph("Heading3", "heading 3", next: "Normal", outline: 2, size: "24", colour: "0B3D66", before: "240", after: "80"),
        Paragraph("ListBullet", "List Bullet", indent: true),
        Paragraph("TableText", "Table Text", after: "0"),
        Paragraph("TableNumber", "Table Number", after: "0", right: true),
        Paragraph("Figure", "Figure", centred: true, after: "60"),
        Paragraph("Caption", "caption", centred: true, size: "18", colour: "57606A", italic: true),
        Paragraph("Colophon", "Colophon", size: "16", colour: "57606A", before: "480"),
        new Style(
            new StyleName { Val = "Report Table" },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A6B4C8" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A6B4C8" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "D0D7DE" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "ReportTable" });

    private static Style Paragraph(
        string id, string name, bool isDefault = false, string? next = null, int? outline = null, string? size = null, string? colour = null,
        string? before = null, string? after = null, bool indent = false, bool right = false, bool centred = false, bool italic = false)
    {
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        if (before is not null || after is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (before is not null)
            {
                spacing.Before = before;
            }

            if (after is not null)
            {
                spacing.After = after;
            }

            paragraph.Append(spacing);
        }

        if (indent)
        {
            paragraph.Append(new Indentation { Left = "567", Hanging = "283" });
        }

        if (right || centred)
        {
            paragraph.Append(new Justification { Val = right ? JustificationValues.Right : JustificationValues.Center });
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        var run = new StyleRunProperties();
        if (outline is not null)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (colour is not null)
        {
            run.Append(new Color { Val = colour });
        }

        if (size is not null)
        {
            run.Append(new FontSize { Val = size });
        }

        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        if (next is not null)
        {
            style.Append(new NextParagraphStyle { Val = next });
        }

        style.Append(new PrimaryStyle(), paragraph, run);
        return style;
    }
}
