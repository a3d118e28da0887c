using FundManager.Bench;

return args.FirstOrDefault() switch
{
    "core" => await CoreBenchmark.RunAsync(),
    "http" => await HttpBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bash bench/run core|http");
    return 2;
}
