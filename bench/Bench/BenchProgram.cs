namespace FundManager.Bench;

/// <summary>The program the benchmarks run, as <c>bench/run</c> builds it (Release).</summary>
public static class BenchProgram
{
    public static string Path { get; } =
        System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "Api", "bin", "Release", "net10.0", "fundmanager.dll"));
}
