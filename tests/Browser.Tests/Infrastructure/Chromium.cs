namespace FundManager.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, which the browser tests drive (Playwright's own browser download cannot work here), with the
/// fonts its pages are drawn in: installed the first time it is missing (<see cref="DebianPackages"/>).
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public static bool AsRoot => DebianPackages.AsRoot;

    public static Task<string> EnsureAsync() => DebianPackages.EnsureAsync(Executable, "chromium", "fonts-dejavu-core");
}
