using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FundManager.Reporting.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace FundManager.Reporting.Narrative;

/// <summary>Charts placed in the Word report as PNG pictures, 16 cm wide, described for screen readers.</summary>
internal sealed class DocxPictures(MainDocumentPart main)
{
    private const int Width = 1280;
    private const int Height = 720;
    private const long WidthEmu = 5_760_000; // 16 cm
    private uint _next;

    public Run Run(Chart chart)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(PngChart.Render(chart, Width, Height)))
        {
            image.FeedData(stream);
        }

        var id = ++_next;
        var heightEmu = WidthEmu * Height / Width;
        var relationship = main.GetIdOfPart(image);
        return new Run(new Drawing(new DW.Inline(
            new DW.Extent { Cx = WidthEmu, Cy = heightEmu },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"Chart {id}", Description = ChartDescription.Describe(chart) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0, Name = $"chart-{id}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = WidthEmu, Cy = heightEmu }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 }));
    }
}
