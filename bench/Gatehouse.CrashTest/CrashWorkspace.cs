using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gatehouse.CrashTest;

/// <summary>
/// A temp folder holding the gateway's configuration, its SQLite store, its log, and an API key made with
/// <c>gatehouse keys create</c>: everything a run needs, removed at the end.
/// </summary>
internal sealed class CrashWorkspace : IDisposable
{
    public const string UpstreamKeyVariable = "CRASH_UPSTREAM_KEY";
    public const string UpstreamKey = "crash-upstream-credential";
    public const string Connection = "crash";

    private CrashWorkspace(string directory, Uri baseUri, string apiKey)
    {
        Directory = directory;
        BaseUri = baseUri;
        ApiKey = apiKey;
    }

    public string Directory { get; }

    public Uri BaseUri { get; }

    public string ApiKey { get; }

    public string ConfigPath => Path.Combine(Directory, "gatehouse.yaml");

    public string DatabasePath => Path.Combine(Directory, "gatehouse.db");

    public string LogPath => Path.Combine(Directory, "gateway.log");

    public static async Task<CrashWorkspace> CreateAsync(string gatehouseDll, Uri upstream, string durability)
    {
        if (!File.Exists(gatehouseDll))
        {
            throw new FileNotFoundException($"the gateway is not built at '{gatehouseDll}'; build src/Gatehouse or pass --gatehouse");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("gatehouse-crash-").FullName;
        var baseUri = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var database = Path.Combine(directory, "gatehouse.db");
        await File.WriteAllTextAsync(Path.Combine(directory, "gatehouse.yaml"), $"""
            server:
              urls: ["{baseUri.GetLeftPart(UriPartial.Authority)}"]
            identity:
              apiKeys: true
              apiKeyCache: 60s
            connections:
              - name: {Connection}
                kind: openai
                upstream: "{upstream.GetLeftPart(UriPartial.Authority)}"
                credential: {"{"} header: Authorization, prefix: "Bearer ", env: {UpstreamKeyVariable} {"}"}
            storage:
              sqlite: "{database}"
            audit:
              durability: {durability}
            """);
        var (exit, output, error) = await Cli.RunAsync(gatehouseDll, "keys", "create", "--name", "crash-client", "--owner", "crash@example.com", "--db", database);
        if (exit != 0)
        {
            throw new InvalidOperationException($"gatehouse keys create failed ({exit}): {error.Trim()}");
        }

        return new CrashWorkspace(directory, baseUri, output.Trim());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; the OS cleans its temp folder.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
