using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FundManager.Reporting.Charts;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;

namespace FundManager.Reporting.Narrative;

/// <summary>
/// A narrative's Markdown as a Word document, written with the Open XML SDK: headings, paragraphs with bold and italic,
/// bulleted lists, tables with a shaded heading row and right-aligned figures, and the charts as pictures (PNG).
/// </summary>
public static class DocxReport
{
    public static void Write(NarrativeDocument document, Stream output)
    {
        // The SDK reads back what it writes; a report of a few pages is made in memory, then copied to any stream.
        using var buffer = new MemoryStream();
        Build(document, buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void Build(NarrativeDocument document, Stream output)
    {
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = DocxStyles.Create();
        var body = new Body();
        var pictures = new DocxPictures(main);
        foreach (var block in Markdig.Markdown.Parse(document.Markdown, HtmlReport.Pipeline))
        {
            foreach (var element in Block(block, document.Charts, pictures))
            {
                body.Append(element);
            }
        }

        // The template version that made the report, where anyone holding the file can read it.
        body.Append(Paragraph("Colophon", [new Run(new Text($"Made from report template {document.Template.Stamp}."))]));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document = new Document(body);
        word.PackageProperties.Title = document.Title;
        word.PackageProperties.Subject = document.Subject;
        word.PackageProperties.Creator = "FundManager";
        word.PackageProperties.Version = document.Template.Stamp;
        word.PackageProperties.Created = document.Generated.UtcDateTime;
        word.PackageProperties.Modified = document.Generated.UtcDateTime;
    }

    private static IEnumerable<OpenXmlElement> Block(Block block, IReadOnlyDictionary<string, Chart> charts, DocxPictures pictures)
    {
        switch (block)
        {
            case HeadingBlock heading:
                yield return Paragraph($"Heading{Math.Min(heading.Level, 3)}", Runs(heading.Inline, charts, pictures, new RunProperties()));
                break;
            case ParagraphBlock paragraph when ChartOf(paragraph.Inline) is { } key && charts.TryGetValue(key, out var chart):
                yield return Paragraph("Figure", [pictures.Run(chart)]);
                yield return Paragraph("Caption", [Text(chart.Title, new RunProperties())]);
                break;
            case ParagraphBlock paragraph:
                yield return Paragraph("Normal", Runs(paragraph.Inline, charts, pictures, new RunProperties()));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    foreach (var inner in item.OfType<ParagraphBlock>())
                    {
                        yield return Paragraph("ListBullet", [Text("•\t", new RunProperties()), .. Runs(inner.Inline, charts, pictures, new RunProperties())]);
                    }
                }

                break;
            case MdTable table:
                yield return Table(table, charts, pictures);
                yield return Paragraph("Normal", []);
                break;
            case ContainerBlock container:
                foreach (var inner in container.SelectMany(b => Block(b, charts, pictures)))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table Table(MdTable table, IReadOnlyDictionary<string, Chart> charts, DocxPictures pictures)
    {
        var result = new DocumentFormat.OpenXml.Wordprocessing.Table(new TableProperties(
            new TableStyle { Val = "ReportTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0", FirstRow = true }));
        result.Append(new TableGrid(table.ColumnDefinitions.Select(_ => new GridColumn())));
        foreach (var row in table.OfType<Markdig.Extensions.Tables.TableRow>())
        {
            var cells = new DocumentFormat.OpenXml.Wordprocessing.TableRow();
            if (row.IsHeader)
            {
                cells.Append(new TableRowProperties(new TableHeader()));
            }

            var column = 0;
            foreach (var cell in row.OfType<Markdig.Extensions.Tables.TableCell>())
            {
                var right = column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment == TableColumnAlign.Right;
                var paragraphs = cell.OfType<ParagraphBlock>()
                    .Select(p => Paragraph(right ? "TableNumber" : "TableText", Runs(p.Inline, charts, pictures, row.IsHeader ? new RunProperties(new Bold()) : new RunProperties())))
                    .DefaultIfEmpty(Paragraph("TableText", []))
                    .ToList();
                var tableCell = new DocumentFormat.OpenXml.Wordprocessing.TableCell(
                    new TableCellProperties(row.IsHeader ? new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "DCE6F1" } : new TableCellWidth { Type = TableWidthUnitValues.Auto }));
                tableCell.Append(paragraphs);
                cells.Append(tableCell);
                column++;
            }

            result.Append(cells);
        }

        return result;
    }

    private static IReadOnlyList<OpenXmlElement> Runs(ContainerInline? inlines, IReadOnlyDictionary<string, Chart> charts, DocxPictures pictures, RunProperties style)
    {
        var runs = new List<OpenXmlElement>();
        foreach (var inline in inlines ?? Enumerable.Empty<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(Text(literal.Content.ToString(), style));
                    break;
                case CodeInline code:
                    runs.Add(Text(code.Content, style));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(Text(entity.Transcoded.ToString(), style));
                    break;
                case LineBreakInline:
                    runs.Add(Text(" ", style));
                    break;
                case EmphasisInline emphasis:
                    var emphasised = (RunProperties)style.CloneNode(true);
                    emphasised.Append(emphasis.DelimiterCount >= 2 ? new Bold() : new Italic());
                    runs.AddRange(Runs(emphasis, charts, pictures, emphasised));
                    break;
                case LinkInline { IsImage: true } image when image.Url?.StartsWith("chart:", StringComparison.Ordinal) == true && charts.TryGetValue(image.Url[6..], out var chart):
                    runs.Add(pictures.Run(chart));
                    break;
                case ContainerInline container:
                    runs.AddRange(Runs(container, charts, pictures, style));
                    break;
            }
        }

        return runs;
    }

    private static string? ChartOf(ContainerInline? inlines) =>
        inlines?.FirstChild is LinkInline { IsImage: true, Url: { } url } && inlines.FirstChild.NextSibling is null && url.StartsWith("chart:", StringComparison.Ordinal) ? url[6..] : null;

    private static Paragraph Paragraph(string style, IEnumerable<OpenXmlElement> runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(runs);
        return paragraph;
    }

    private static Run Text(string text, RunProperties style) =>
        new((RunProperties)style.CloneNode(true), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
