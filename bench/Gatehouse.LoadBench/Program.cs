using System.Globalization;
using Gatehouse.LoadBench;
using Gatehouse.LoadBench.Agent;

// Usage: bench/load/run.sh (builds, runs this, updates docs/benchmarks.md), or directly:
//   Gatehouse.LoadBench [--duration 20] [--warmup 5] [--concurrency 32] [--threads 2] [--body-size 1024] [--stream]
//                       [--gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll] [--doc docs/benchmarks.md]
//   Gatehouse.LoadBench soak [--minutes 30] [--concurrency 8] [--stream-concurrency 4] [--doc docs/reliability.md]
// The bare YARP baseline runs as a child process of this program: Gatehouse.LoadBench yarp PORT UPSTREAM
if (args is ["yarp", var port, var upstream])
{
    await BareYarp.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), new Uri(upstream));
    return 0;
}

try
{
    if (args is ["soak", .. var soakArgs])
    {
        var minutes = 30;
        var rest = new List<string>();
        for (var i = 0; i < soakArgs.Length; i++)
        {
            if (soakArgs[i] == "--minutes" && i + 1 < soakArgs.Length)
            {
                minutes = int.Parse(soakArgs[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                rest.Add(soakArgs[i]);
            }
        }

        var soakOptions = BenchOptions.Parse([.. rest]);
        soakOptions = soakOptions with
        {
            Concurrency = rest.Contains("--concurrency") ? soakOptions.Concurrency : 8,
            StreamConcurrency = rest.Contains("--stream-concurrency") ? soakOptions.StreamConcurrency : 4,
        };
        var soak = await Soak.RunAsync(soakOptions, minutes);
        Console.Write(soak);
        if (soakOptions.Doc is { } soakDoc)
        {
            DocSection.Update(soakDoc, "soak", soak, "# Reliability\n");
            Console.WriteLine($"updated {soakDoc}");
        }

        return 0;
    }

    if (args is ["agent-sample", var sampleFolder])
    {
        return AgentSample.Write(sampleFolder);
    }

    if (args is ["profile", var output, var dotnetTrace, .. var profileArgs])
    {
        // Usage: Gatehouse.LoadBench profile OUTPUT_FOLDER PATH_TO_DOTNET_TRACE [load options]; see bench/profile/run.sh.
        return await ProfileRun.RunAsync(BenchOptions.Parse(profileArgs), output, dotnetTrace);
    }

    if (args is ["work", var workOutput, var dotnetCounters, var exchanges, var modes, .. var workArgs])
    {
        // Usage: Gatehouse.LoadBench work OUTPUT_FOLDER PATH_TO_DOTNET_COUNTERS EXCHANGES fsync,process
        //        [--passes counters,syscalls] [load options];
        // see bench/profile/work.sh.
        var passes = workArgs is ["--passes", var named, ..] ? named.Split(',') : ["counters", "syscalls"];
        return await WorkRun.RunAsync(BenchOptions.Parse(workArgs is ["--passes", _, .. var rest] ? rest : workArgs), workOutput, dotnetCounters,
            int.Parse(exchanges, CultureInfo.InvariantCulture), modes.Split(','), passes.Contains("counters"), passes.Contains("syscalls"));
    }

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
