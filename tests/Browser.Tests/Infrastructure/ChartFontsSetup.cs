using System.Runtime.CompilerServices;
using FundManager.Tests.Infrastructure;

namespace FundManager.Browser.Tests.Infrastructure;

/// <summary>Installs the fonts the charts are drawn in, if missing, as the runtime loads this assembly.</summary>
internal static class ChartFontsSetup
{
    // Here and not in TestSupport: a module initializer runs only when its own assembly is first touched, and a test
    // that draws a chart, or starts a program that does, need not touch TestSupport first. The runtime runs this one
    // before any code of this assembly, so before any of its tests.
    [ModuleInitializer]
    internal static void EnsureChartFonts() => DebianPackages.EnsureChartFonts();
}
