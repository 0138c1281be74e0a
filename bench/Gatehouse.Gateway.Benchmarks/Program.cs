using System.Globalization;
using BenchmarkDotNet.Running;
using Gatehouse.Gateway.Benchmarks;

// Usage:
//   dotnet run -c Release --project bench/Gatehouse.Gateway.Benchmarks -- identity [--iterations 1000] [--rounds 5]
//     Identifies the same caller N times through the real authentication pipeline, validating in full every time
//     (cache off) and through the caches (cache on), and prints the time per call of each and their ratio.
//   dotnet run -c Release --project bench/Gatehouse.Gateway.Benchmarks -- [benchmark options, e.g. --filter '*RequestPath*']
//     The request path's benchmarks (one pass against the frozen two-pass path).
if (args.Length == 0 || args[0] != "identity")
{
    BenchmarkSwitcher.FromAssembly(typeof(RequestPathBenchmarks).Assembly).Run(args);
    return 0;
}

var iterations = 1000;
var rounds = 5;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--iterations":
            iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--rounds":
            rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown option '{args[i]}'");
            return 2;
    }
}

await IdentityRun.RunAsync(iterations, rounds, Console.Out);
return 0;
