using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>
/// Masking a coding agent's 40 KB system prompt and tool definitions: without the scan cache, the first time with it
/// (a miss: hash, scan, copy, insert), and every later turn (a hit: hash and compare).
/// </summary>
/// <remarks>Command: <c>dotnet run -c Release --project bench/Gatehouse.Masking.Benchmarks -- --filter '*ScanCache*'</c>.
/// The misses cycle through 1,024 prompts that differ in one character, more than the 64 MiB budget holds, so every
/// call misses and evicts.</remarks>
[MemoryDiagnoser]
[Config(typeof(ShortRun))]
public class ScanCacheBenchmarks
{
    private const int PromptChars = 40 * 1024;
    private const int Variants = 1_024;

    private MaskingEngine _uncached = null!;
    private MaskingEngine _cached = null!;
    private string _prompt = "";
    private string[] _variants = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[32];
        _uncached = new MaskingEngine(new MaskingOptions { FingerprintKey = key, ScanCache = new ScanCacheOptions { MaxBytes = 0 } });
        _cached = new MaskingEngine(new MaskingOptions { FingerprintKey = key });
        _prompt = AgentPrompt();
        _variants = [.. Enumerable.Range(0, Variants).Select(i => _prompt[..^8] + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture))];
        _cached.Mask(_prompt);
        Console.WriteLine($"// agent prompt: {_prompt.Length} chars, {_uncached.Scan(_prompt).Count} findings");
    }

    /// <summary>Baseline: the engine without a cache scans the whole prompt.</summary>
    [Benchmark(Baseline = true)]
    public int NoCache() => _uncached.Mask(_prompt).Findings.Count;

    /// <summary>First sight of a prompt: hash, scan, copy and insert (evicting the oldest).</summary>
    [Benchmark]
    public int Miss() => _cached.Mask(_variants[_next++ % Variants]).Findings.Count;

    /// <summary>The prompt again, as on every later turn of the conversation.</summary>
    [Benchmark]
    public int Hit() => _cached.Mask(_prompt).Findings.Count;

    /// <summary>A system prompt of prose, 17 tool definitions with JSON schemas, and one fake key, as agents send.</summary>
    internal static string AgentPrompt()
    {
        var prose = Corpus.Prose();
        var builder = new StringBuilder(PromptChars + 1024);
        builder.Append("You are a coding agent working in the user's repository. ").Append(prose, 0, 24 * 1024);
        builder.Append("\nDeploy with AKIAEXAMPLEBCDFGHIJK only when asked.\n");
        string[] tools = ["bash", "read_file", "write_file", "edit", "glob", "grep", "list_dir", "web_fetch", "web_search",
            "todo_write", "task", "notebook_edit", "git_diff", "git_log", "run_tests", "ask_user", "apply_patch"];
        for (var i = 0; builder.Length < PromptChars; i++)
        {
            var name = tools[i % tools.Length];
            builder.Append("{\"type\":\"function\",\"function\":{\"name\":\"").Append(name)
                .Append("\",\"description\":\"").Append(prose, 30_000 + (i * 400), 400)
                .Append("\",\"parameters\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"Absolute path of the file\"},")
                .Append("\"command\":{\"type\":\"string\"},\"timeout\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":600000}},\"required\":[\"path\"]}}}\n");
        }

        return builder.ToString(0, PromptChars);
    }

    private sealed class ShortRun : ManualConfig
    {
        public ShortRun() => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithGcServer(true).WithId("server GC"));
    }
}
