using System.Globalization;
using Gatehouse.LoadBench;
using Gatehouse.LoadBench.Agent;

// Usage: bench/load/run.sh (builds, runs this, updates docs/benchmarks.md), or directly:
//   Gatehouse.LoadBench --help
// The bare YARP baseline runs as a child process of this program: Gatehouse.LoadBench yarp PORT UPSTREAM
if (args is ["--help"] or ["-h"])
{
    Console.Write($"""
        Gatehouse.LoadBench: the gateway load benchmark (bench/load/run.sh builds and runs it, and rewrites docs/benchmarks.md).

          Gatehouse.LoadBench [--duration 12] [--warmup 3] [--concurrency 32] [--threads 2] [--body-size 1024]
                              [--stream-concurrency 8] [--pace-ms 5] [--streams 1000] [--hold 10] [--kind openai|http]
                              [--portkey PATH] [--gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll]
                              [--doc docs/benchmarks.md] [--targets NAME[,NAME]]

        The OIDC rows ("all on, OIDC token", "durability process", the agent sessions) send an RS256 access token from an
        issuer in a process of its own: a development issuer (gatehouse serve --dev on its own port and store; the token
        from gatehouse dev token), which the gateway under test trusts as production trusts its identity provider
        (identity.oidc naming it, discovery document and JWKS fetched over HTTP); the gateway runs without --dev.
        oidc-dev instead runs the gateway itself in development mode with its own issuer's token (not a production shape).

        --targets NAME[,NAME]  run only these targets and passes; a short key or the row's name as the report prints it.
                               Keys: {TargetFilter.Known}.
                               audit, masking, policy: the API-key layer rows; oidc: all on, OIDC token; process: the same
                               with durability process; sessions: the agent sessions; oidc-dev: all on in serve --dev.
                               Naming no pass runs every pass of the named targets; naming no target runs every target of
                               the named passes. The peers' one-connection, streaming and agent passes run beside the oidc
                               row's. A filtered run prints its tables but does not rewrite --doc.
                               Example: --targets policy,oidc,load (the API-key and OIDC all-on rows, load pass only).

          Gatehouse.LoadBench soak [--minutes 30] [--concurrency 8] [--stream-concurrency 4] [--doc docs/reliability.md]
          Gatehouse.LoadBench profile OUTPUT_FOLDER PATH_TO_DOTNET_TRACE [load options]     (bench/profile/run.sh)
          Gatehouse.LoadBench work OUTPUT_FOLDER PATH_TO_DOTNET_COUNTERS EXCHANGES fsync,process[,apikey,dev] (bench/profile/work.sh)

        """);
    return 0;
}

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
    if (run.Options.Targets.Filtered && run.Options.Doc is { } notDoc)
    {
        Console.Error.WriteLine($"--targets: a filtered run; {notDoc} not rewritten (only a full run writes it)");
    }
    else if (run.Options.Doc is { } doc)
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
