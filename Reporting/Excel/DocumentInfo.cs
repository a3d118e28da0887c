namespace FundManager.Reporting.Excel;

/// <summary>What a document says about itself: title and subject (shown by viewers), and custom properties such as the fund and year.</summary>
public sealed record DocumentInfo(string Title, string Subject, DateTimeOffset Generated, IReadOnlyDictionary<string, string> Properties);
