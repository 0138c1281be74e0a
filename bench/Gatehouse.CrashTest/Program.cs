using System.Globalization;
using Gatehouse.CrashTest;

// Usage: dotnet run --project bench/Gatehouse.CrashTest -c Release -- [--kills 20] [--seed 1] [--concurrency 8]
//        [--min-uptime-ms 300] [--max-uptime-ms 1500] [--verify-at-end-only] [--durability fsync|process]
//        [--gatehouse path/to/gatehouse.dll]
// Exits 0 when every check passed, 1 on any violation, 2 on a usage or set-up error.
CrashOptions options;
try
{
    options = Parse(args);
}
catch (Exception ex) when (ex is FormatException or ArgumentException)
{
    Console.Error.WriteLine($"crash test: {ex.Message}");
    return 2;
}

try
{
    var report = await CrashRun.RunAsync(options, Console.Out);
    Console.WriteLine();
    Console.Write(report.Table());
    return report.Passed ? 0 : 1;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException)
{
    Console.Error.WriteLine($"crash test: {ex.Message}");
    return 2;
}

static CrashOptions Parse(string[] args)
{
    var options = new CrashOptions();
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
        options = args[i] switch
        {
            "--kills" => options with { Kills = Number() },
            "--seed" => options with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
            "--concurrency" => options with { Concurrency = Number() },
            "--min-uptime-ms" => options with { MinUptime = TimeSpan.FromMilliseconds(Number()) },
            "--max-uptime-ms" => options with { MaxUptime = TimeSpan.FromMilliseconds(Number()) },
            "--verify-at-end-only" => options with { VerifyEachRestart = false },
            "--durability" => options with { Durability = Value() },
            "--gatehouse" => options with { GatehouseDll = Path.GetFullPath(Value()) },
            _ => throw new ArgumentException($"unknown option '{args[i]}'"),
        };
    }

    if (options.Kills < 1 || options.Concurrency < 1 || options.MinUptime > options.MaxUptime)
    {
        throw new ArgumentException("--kills and --concurrency must be at least 1, and --min-uptime-ms at most --max-uptime-ms");
    }

    if (options.Durability is not ("fsync" or "process"))
    {
        throw new ArgumentException($"--durability '{options.Durability}' is not fsync or process");
    }

    return options;
}
