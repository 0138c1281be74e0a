using System.Globalization;

namespace Gatehouse.LoadBench;

/// <summary>The command line of a load run; every target gets the same duration, concurrency and payloads.</summary>
internal sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(12);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public int Concurrency { get; init; } = 32;

    /// <summary>Gets the load generator's threads; the machine's cores are shared with the servers under test.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Gets the size of the assistant's answer text in the upstream's response, in bytes.</summary>
    public int BodySize { get; init; } = 1024;

    /// <summary>Gets the pause between the events of a paced stream (the streaming pass), like a model emitting tokens.</summary>
    public TimeSpan Pace { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Gets the concurrent streams of the streaming pass.</summary>
    public int StreamConcurrency { get; init; } = 8;

    /// <summary>Gets how many streams the concurrent-streams pass holds open through the gateway at once.</summary>
    public int Streams { get; init; } = 1000;

    /// <summary>Gets how long the upstream keeps each of those streams open.</summary>
    public TimeSpan HoldFor { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets Portkey's gateway entry point (<c>build/start-server.js</c> of <c>@portkey-ai/gateway</c>), run with node; null skips the peer.</summary>
    public string? Portkey { get; init; }

    /// <summary>Gets the gateway connection's kind: <c>openai</c> (understood and assembled) or <c>http</c> (opaque), to tell their costs apart.</summary>
    public string Kind { get; init; } = "openai";

    /// <summary>Gets the built gateway (<c>gatehouse.dll</c>), run as a child process.</summary>
    public string GatehousePath { get; init; } = "src/Gatehouse/bin/Release/net10.0/gatehouse.dll";

    /// <summary>Gets the markdown file whose gateway-load section is replaced by the result, when set.</summary>
    public string? Doc { get; init; }

    /// <summary>Gets the audit store benchmark's result line, run by the same command, to cite beside the load figures.</summary>
    public string? AuditBenchmark { get; init; }

    /// <summary>Gets which targets and passes run (<c>--targets</c>); a filtered run never rewrites <see cref="Doc"/>.</summary>
    public TargetFilter Targets { get; init; } = TargetFilter.All;

    /// <summary>Gets the command to print as the one that produced the result.</summary>
    public string? Command { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"option '{args[i]}' needs a value");
            options = args[i - 1] switch
            {
                "--duration" => options with { Duration = Seconds(value) },
                "--warmup" => options with { Warmup = Seconds(value) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => options with { Threads = int.Parse(value, CultureInfo.InvariantCulture) },
                "--body-size" => options with { BodySize = int.Parse(value, CultureInfo.InvariantCulture) },
                "--kind" => options with { Kind = value },
                "--pace-ms" => options with { Pace = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--stream-concurrency" => options with { StreamConcurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--streams" => options with { Streams = int.Parse(value, CultureInfo.InvariantCulture) },
                "--hold" => options with { HoldFor = Seconds(value) },
                "--portkey" => options with { Portkey = value },
                "--gatehouse" => options with { GatehousePath = value },
                "--doc" => options with { Doc = value },
                "--audit-benchmark" => options with { AuditBenchmark = value },
                "--command" => options with { Command = value },
                "--targets" => options with { Targets = TargetFilter.Parse(value) },
                _ => throw new ArgumentException($"unknown option '{args[i - 1]}'"),
            };
        }

        return options.Threads > options.Concurrency ? options with { Threads = options.Concurrency } : options;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture));
}
