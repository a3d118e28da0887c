using FundManager.Bench;

return args.FirstOrDefault() switch
{
    "core" => await CoreBenchmark.RunAsync(),
    "http" => await HttpBenchmark.RunAsync(),
    "reports" => await ReportsBenchmark.RunAsync(),
    "cluster" => await ClusterBenchmark.RunAsync(),
    "imports" => await ImportsBenchmark.RunAsync(),
    "portal" => await PortalBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bash bench/run core|http|reports|cluster|imports|portal");
    return 2;
}
