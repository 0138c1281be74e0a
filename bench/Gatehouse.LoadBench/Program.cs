using System.Globalization;
using Gatehouse.LoadBench;

// Usage: bench/load/run.sh (builds, runs this, updates docs/benchmarks.md), or directly:
//   Gatehouse.LoadBench [--duration 20] [--warmup 5] [--concurrency 32] [--threads 2] [--body-size 1024] [--stream]
//                       [--gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll] [--doc docs/benchmarks.md]
// The bare YARP baseline runs as a child process of this program: Gatehouse.LoadBench yarp PORT UPSTREAM
if (args is ["yarp", var port, var upstream])
{
    await BareYarp.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), new Uri(upstream));
    return 0;
}

try
{
    var run = await LoadRun.RunAsync(BenchOptions.Parse(args));
    var markdown = Report.Markdown(run);
    Console.Write(markdown);
    if (run.Options.Doc is { } doc)
    {
        DocSection.Update(doc, markdown);
        Console.WriteLine($"updated {doc}");
    }

    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or TimeoutException or FileNotFoundException)
{
    // A benchmark that cannot run says why in one line and fails; it never writes figures it did not measure.
    Console.Error.WriteLine($"load bench: {ex.Message}");
    return 1;
}
