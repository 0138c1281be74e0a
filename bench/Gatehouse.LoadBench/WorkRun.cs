using System.Globalization;
using System.Text;
using Gatehouse.LoadBench.Agent;

namespace Gatehouse.LoadBench;

/// <summary>
/// The deterministic half of docs/designs/data-path-profile.md: what one exchange costs the everything-on gateway in
/// work that does not depend on the machine's load. Each exchange's prompt differs (a number in its last message), as
/// a real client's do, so the audit stores new parts as it would in use.
/// </summary>
/// <remarks>
/// For each durability mode, request (the small chat request, the agent's 49 KB first request) and concurrency (1,
/// 32), it sends a fixed number of exchanges twice: once while <c>dotnet-counters</c> samples the gateway's runtime
/// counters (bytes allocated, thread-pool work items, lock contentions, GC counts, summed over the window and less the
/// idle rate measured before the load), once while <c>strace</c> counts the gateway's syncs and the bytes it writes to
/// the store's files. Wall-clock time is never reported: on a shared machine it says nothing.
/// </remarks>
internal static class WorkRun
{
    private static readonly (string Name, string Counter)[] Counters =
    [
        ("allocated bytes", "dotnet.gc.heap.total_allocated"),
        ("thread-pool work items", "dotnet.thread_pool.work_item.count"),
        ("lock contentions", "dotnet.monitor.lock_contentions"),
        ("gen0 GCs", "dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]"),
    ];

    public static async Task<int> RunAsync(BenchOptions options, string output, string dotnetCounters, int exchanges, string[] modes, bool counters, bool syscalls)
    {
        var gatehouseDll = Path.GetFullPath(options.GatehousePath);
        Directory.CreateDirectory(output);
        var directory = Path.Combine(Path.GetTempPath(), "gatehouse-work", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var report = new StringBuilder();
        try
        {
            var payloads = ChatPayloads.Create(options.BodySize);
            var (sessions, _) = AgentSession.Create(payloads);
            var upstreamPort = FreePort.Next();
            await using var upstream = await FakeUpstream.StartAsync(upstreamPort, payloads, options);
            var loads = new[] { ("small", payloads.Request), ("agent49", Encoding.UTF8.GetString(sessions[0].Requests[0])) };
            var number = 0;
            await using var issuer = await BenchIssuer.StartAsync(gatehouseDll, directory);
            foreach (var mode in modes)
            {
                var setup = mode switch
                {
                    "process" => GatewaySetup.ProcessDurability,
                    "apikey" => GatewaySetup.Layer(GatewayLayers.Policy),
                    "dev" => GatewaySetup.DevMode,
                    _ => GatewaySetup.EverythingOn,
                };
                var gateway = await GatewayUnderTest.StartAsync(gatehouseDll, directory, FreePort.Next(), upstreamPort, options.Kind, setup, issuer);
                await using (gateway.Process)
                {
                    var url = new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/v1/chat/completions");
                    using var client = Client(gateway.Credential);
                    foreach (var (name, body) in loads)
                    {
                        foreach (var concurrency in new[] { 1, 32 })
                        {
                            var count = name == "agent49" ? exchanges / 4 : exchanges;
                            await SendAsync(client, url, body, 100, concurrency, () => number++);
                            IReadOnlyList<(string Name, double Value)> counted = [];
                            IReadOnlyList<(string Name, long Value)> traced = [];
                            if (counters)
                            {
                                counted = await CountersAsync(dotnetCounters, gateway.Process.Id, Path.Combine(output, $"{mode}-{name}-{concurrency}.csv"),
                                    () => SendAsync(client, url, body, count, concurrency, () => number++));
                            }

                            if (syscalls)
                            {
                                traced = await SyscallsAsync(gateway.Process.Id, gateway.Database, Path.Combine(output, $"{mode}-{name}-{concurrency}.strace"),
                                    () => SendAsync(client, url, body, count / 4, concurrency, () => number++));
                            }

                            var line = string.Create(CultureInfo.InvariantCulture,
                                $"{mode,-8} {name,-8} c={concurrency,-3} per exchange: {string.Join(", ", counted.Select(c => $"{c.Value / count:N1} {c.Name}"))}; "
                                + $"{string.Join(", ", traced.Select(t => $"{(double)t.Value / (count / 4):N2} {t.Name}"))}");
                            Console.WriteLine(line);
                            report.AppendLine(line);
                        }
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        await File.WriteAllTextAsync(Path.Combine(output, "work.txt"), report.ToString());
        return 0;
    }

    private static HttpClient Client(string credential)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    /// <summary>Sends <paramref name="count"/> exchanges over <paramref name="concurrency"/> clients, each with its own prompt.</summary>
    private static async Task SendAsync(HttpClient client, Uri url, string body, int count, int concurrency, Func<int> next)
    {
        var remaining = count;
        var marker = body.LastIndexOf("\"text\":\"", StringComparison.Ordinal) is var t and >= 0 ? t + 8 : body.LastIndexOf("\"content\":\"", StringComparison.Ordinal) + 11;
        async Task WorkerAsync()
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                int n;
                lock (client)
                {
                    n = next();
                }

                var unique = string.Concat(body.AsSpan(0, marker), $"#{n} ", body.AsSpan(marker));
                using var content = new StringContent(unique, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"the gateway answered {(int)response.StatusCode}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
    }

    private static async Task<IReadOnlyList<(string Name, double Value)>> CountersAsync(string dotnetCounters, int pid, string csv, Func<Task> load)
    {
        const int lead = 4;
        var counting = ChildProcess.RunAsync(dotnetCounters,
            ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime", "--refresh-interval", "1",
             "--format", "csv", "-o", csv, "--duration", "00:00:01:30"]);
        await WaitForRowsAsync(csv, lead);
        var idleRows = File.ReadAllLines(csv);
        await load();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (exit, said, error) = await counting;
        if (exit != 0)
        {
            throw new InvalidOperationException($"dotnet-counters failed ({exit}): {error}{said}");
        }

        var rows = File.ReadAllLines(csv);
        return [.. Counters.Select(c => (c.Name, Sum(rows, c.Counter) - Idle(idleRows, c.Counter) * (Seconds(rows) - Seconds(idleRows))))];
    }

    private static async Task WaitForRowsAsync(string csv, int seconds)
    {
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(csv) && Seconds(ReadShared(csv)) >= seconds)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("dotnet-counters wrote no rows within a minute");
    }

    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static IEnumerable<double> Values(string[] rows, string counter) => rows
        .Select(r => r.Split(','))
        .Where(f => f.Length == 5 && f[2].StartsWith(counter, StringComparison.Ordinal) && (counter.Contains('[', StringComparison.Ordinal) || !f[2].Contains('[', StringComparison.Ordinal)))
        .Select(f => double.Parse(f[4], CultureInfo.InvariantCulture));

    private static double Sum(string[] rows, string counter) => Values(rows, counter).Sum();

    private static double Idle(string[] rows, string counter) => Values(rows, counter).Skip(1).DefaultIfEmpty(0).Average();

    private static int Seconds(string[] rows) => Values(rows, Counters[0].Counter).Count();

    /// <summary>Counts, while <paramref name="load"/> runs, the syncs and the bytes written to each of the store's files.</summary>
    private static async Task<IReadOnlyList<(string Name, long Value)>> SyscallsAsync(int pid, string database, string log, Func<Task> load)
    {
        var strace = ChildProcess.Start("strace", ["-f", "-p", pid.ToString(CultureInfo.InvariantCulture), "-s", "0", "-y", "-e", "trace=fsync,fdatasync,pwrite64,write", "-o", log], log + ".out");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await load();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await strace.DisposeAsync();
        var syncs = 0L;
        var walWrites = 0L;
        var walBytes = 0L;
        var dbBytes = 0L;
        foreach (var line in File.ReadLines(log))
        {
            // "PID call(fd, ""..., count[, offset]) = result", or the same cut at "<unfinished ...>"; "resumed" lines repeat nothing needed.
            var call = line.IndexOf(' ', StringComparison.Ordinal) + 1;
            var open = line.IndexOf('(', call);
            if (call <= 0 || open < 0 || line.Contains("resumed>", StringComparison.Ordinal))
            {
                continue;
            }

            var name = line[call..open].Trim(); // strace pads the thread id: "9038  fsync(...)"
            var end = line.IndexOf(')', open);
            var args = line[(open + 1)..(end > 0 ? end : line.Length)].Split(", ");
            // -y prints each descriptor with its path: "292</path/gatehouse.db-wal>".
            var path = args[0].IndexOf('<', StringComparison.Ordinal) is var lt and >= 0 ? args[0][(lt + 1)..].TrimEnd('>') : "";
            if (!path.StartsWith(database, StringComparison.Ordinal))
            {
                continue;
            }

            var size = args.Length > 2 && long.TryParse(args[2].Split(' ')[0], out var s) ? s : 0;
            switch (name)
            {
                case "fsync" or "fdatasync":
                    syncs++;
                    break;
                case "pwrite64" or "write" when path.EndsWith("-wal", StringComparison.Ordinal):
                    walWrites++;
                    walBytes += size;
                    break;
                case "pwrite64" or "write":
                    dbBytes += size;
                    break;
            }
        }

        return [("syncs", syncs), ("WAL writes", walWrites), ("WAL bytes", walBytes), ("database-file bytes", dbBytes)];
    }

}
