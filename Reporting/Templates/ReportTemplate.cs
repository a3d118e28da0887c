using System.Security.Cryptography;
using System.Text;

namespace FundManager.Reporting.Templates;

/// <summary>
/// One version of a report template: version 0 is the file shipped in <c>config/templates</c>; versions 1, 2, 3...
/// are what administrators saved since. The SHA-256 of the text identifies it in every report it made
/// (<see cref="Stamp"/>), so a report can be traced to the exact text behind it.
/// </summary>
public sealed record ReportTemplate(string Name, int Version, string Text)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    /// <summary>How a report names the template that made it: <c>narrative.md.sbn version 3 (sha256 1a2b…)</c>.</summary>
    public string Stamp => $"{Name} version {Version} (sha256 {Sha256})";

    /// <summary>An HTML comment carrying <see cref="Stamp"/>, appended to every HTML page a template makes.</summary>
    public string HtmlStamp => $"<!-- FundManager report template: {Stamp} -->";
}
