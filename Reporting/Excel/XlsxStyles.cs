using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FundManager.Reporting.Excel;

/// <summary>
/// The one stylesheet of every workbook FundManager writes: bold shaded headers, US dollars to the cent, percentages,
/// dates as <c>31 December 2025</c>, amounts with the currency's own number of decimals, bold totals over a rule.
/// </summary>
internal static class XlsxStyles
{
    private const uint UsdFormat = 164;
    private const uint PercentFormat = 165;
    private const uint DateFormat = 166;
    private const uint Amount0Format = 167;
    private const uint Amount2Format = 168;
    private const uint Amount3Format = 169;
    private const uint DecimalFormat = 170;

    /// <summary>The format used for an amount in a currency with this many decimals (ISO 4217 minor units).</summary>
    public static CellStyle AmountStyle(int minorUnits) => minorUnits switch
    {
        0 => CellStyle.Amount0,
        3 => CellStyle.Amount3,
        _ => CellStyle.Amount2,
    };

    public static Stylesheet Create()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = UsdFormat, FormatCode = "#,##0.00;-#,##0.00;-" },
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "d mmmm yyyy" },
            new NumberingFormat { NumberFormatId = Amount0Format, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = Amount2Format, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = Amount3Format, FormatCode = "#,##0.000" },
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "#,##0.####" })
        { Count = 7 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Arial" }),
            new Font(new Italic(), new FontSize { Val = 10 }, new FontName { Val = "Arial" }))
        { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDCE6F1" }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF4F81BD" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new BottomBorder(), new DiagonalBorder()))
        { Count = 3 };

        // One entry per CellStyle, in the enum's order.
        CellFormat Format(uint numberFormat = 0, uint font = 0, uint fill = 0, uint border = 0, bool wrap = false) => new(wrap ? new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } : null!)
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border, FormatId = 0,
            ApplyNumberFormat = numberFormat != 0, ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyAlignment = wrap,
        };
        var cellFormats = new CellFormats(
            Format(),
            Format(font: 2),
            Format(font: 3),
            Format(font: 1, fill: 2, border: 1, wrap: true),
            Format(UsdFormat),
            Format(UsdFormat, font: 1, border: 2),
            Format(PercentFormat),
            Format(DateFormat),
            Format(3),
            Format(Amount0Format),
            Format(Amount2Format),
            Format(Amount3Format),
            Format(wrap: true),
            Format(font: 1, border: 2),
            Format(DecimalFormat));
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            formats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
