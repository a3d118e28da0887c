namespace FundManager.Reporting.Excel;

/// <summary>The cell formats the reports use; each is one entry of the stylesheet <see cref="XlsxStyles"/> writes, in this order.</summary>
public enum CellStyle : uint
{
    Text = 0,
    Title,
    Subtitle,
    Header,
    Usd,
    UsdTotal,
    Percent,
    Date,
    Integer,
    Amount0,
    Amount2,
    Amount3,
    Wrapped,
    TotalLabel,
    Decimal,
}
