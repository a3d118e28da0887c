namespace FundManager.Tests.Infrastructure;

/// <summary>
/// The test assembly this process runs, as the shared harness needs to know it: its name gives it a private PostgreSQL
/// server of its own (<see cref="TestServer"/>).
/// </summary>
/// <remarks>
/// Each test project states its name in its runtime configuration, in its project file:
/// <c>&lt;RuntimeHostConfigurationOption Include="FundManager.Tests.AssemblyName" Value="$(AssemblyName)" /&gt;</c>.
/// The test host runs with the test project's <c>runtimeconfig.json</c>, so the value is there from the first line of
/// code, whatever runs first. The harness cannot find the name by itself: <c>typeof(TestServer).Assembly</c> is this
/// library, the same for every test project; <c>Assembly.GetEntryAssembly()</c> is the test host; the calling assembly
/// is this library again when one helper calls another (a fixture creating its database); and a test project's module
/// initializer runs too late, since xunit creates a fixture defined here before it touches any type of the test
/// assembly.
/// </remarks>
public static class TestAssembly
{
    private const string Setting = "FundManager.Tests.AssemblyName";

    /// <summary>The name of the test assembly this process runs.</summary>
    /// <exception cref="InvalidOperationException">The test project does not state it (see the remarks).</exception>
    public static string Name => AppContext.GetData(Setting) as string ?? throw new InvalidOperationException(
        $"The test project does not name itself to the harness: add <RuntimeHostConfigurationOption Include=\"{Setting}\" Value=\"$(AssemblyName)\" /> to its project file.");
}
