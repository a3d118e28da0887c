namespace FundManager.Reporting;
/// <summary>Marks the reporting assembly; reports arrive with the reporting work.</summary>
internal static class ReportingAssembly;
