using FundManager.Bench;

return args.FirstOrDefault() switch
{
    "core" => await CoreBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bash bench/run core");
    return 2;
}
