using System.Net;
using System.Net.Sockets;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Hosting;
using Gatehouse.Serve;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// The real gateway on Kestrel at 127.0.0.1, over a SQLite file in a temp folder, with the development issuer for
/// tokens (validated through discovery and JWKS over HTTP, the same path as any IdP) and connections to a fake upstream.
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    public const string UpstreamSecret = "upstream-org-credential-7f1c";

    private readonly WebApplication _app;
    private readonly DevSigningKey _key;

    private GatewayUnderTest(WebApplication app, GatehouseConfig config, DevSigningKey key, string directory)
    {
        _app = app;
        _key = key;
        Config = config;
        Directory = directory;
        BaseUri = new Uri(config.Server.Urls[0] + "/");
        if (config.Proxy is not null)
        {
            // The proxy listens on a port of its own, chosen at start (proxy.listen names port 0 in tests).
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            ProxyUri = new Uri(addresses.Single(a => new Uri(a).Port != BaseUri.Port));
        }
    }

    /// <summary>Gets the forward proxy's address, when the configuration has one.</summary>
    public Uri? ProxyUri { get; }

    public GatehouseConfig Config { get; }

    public string Directory { get; }

    public Uri BaseUri { get; }

    public string DatabasePath => Config.Storage.Sqlite;

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayUnderTest> StartAsync(
        FakeUpstream upstream,
        Func<GatehouseConfig, GatehouseConfig>? adjust = null,
        CapturedLogs? logs = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gatehouse-functional-").FullName;
        var config = Configure(directory, upstream, adjust);
        var key = DevSigningKey.LoadOrCreate(Path.Combine(directory, "dev-issuer.jwk.json"));
        for (var attempt = 1; ; attempt++)
        {
            var app = GatehouseServer.Build(config, new GatehouseServerOptions
            {
                DevSigningKey = key,
                TimeProvider = time,
                MinimumLogLevel = logs is null ? LogLevel.Warning : LogLevel.Trace,
                ConfigureLogging = logs is null ? null : logging => logging.AddProvider(logs),
                ConfigureServices = services,
            });
            try
            {
                await app.StartAsync();
                return new GatewayUnderTest(app, config, key, directory);
            }
            catch (Exception error) when (error is not IOException { InnerException: AddressInUseException } || attempt >= 5)
            {
                // A gateway that cannot start is not handed to the test, so it is disposed here.
                await app.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                throw;
            }
            catch (IOException)
            {
                // The port was free when FreePort looked, and another process bound it before Kestrel did: start again,
                // on a fresh port and an empty store, so the test sees the gateway it would have seen the first time.
                await app.StopAsync();
                await app.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                DeleteStore(config.Storage.Sqlite);
                config = MoveTo(config, $"http://127.0.0.1:{FreePort()}");
            }
        }
    }

    public string Token(string user, params string[] groups)
        => new DevTokenMinter(_key, TimeProvider.System).Mint(DevDefaults.PublicBase(Config), user, groups);

    /// <summary>Mints a development token whose <c>aud</c> lists <paramref name="audiences"/> besides the gateway's own.</summary>
    public string Token(string user, IReadOnlyList<string> groups, IReadOnlyList<string> audiences)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = DevIssuer.IssuerUrl(DevDefaults.PublicBase(Config)),
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(_key.SecurityKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = user,
                ["groups"] = groups.ToArray(),
                ["aud"] = new[] { DevIssuer.Audience }.Concat(audiences).ToArray(),
            },
        });
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>
    /// Waits until <paramref name="user"/> (null: anyone) has exactly one exchange with its outcome recorded: the outcome
    /// is written after the last byte reaches the client, so a test that has read the response may be a moment ahead of it.
    /// </summary>
    public async Task<ExchangeRecord> WaitForExchangeAsync(string? user)
    {
        await using var store = OpenStore();
        return await Eventually.ValueAsync(
            async () =>
            {
                var page = await store.SearchAsync(new ExchangeQuery { User = user }, CancellationToken.None);
                Assert.True(page.Items.Count <= 1, $"{user ?? "anyone"} has {page.Items.Count} exchanges; expected one");
                return page.Items is [{ Outcome: not null } record] ? record : null;
            },
            $"a completed exchange recorded for {user ?? "anyone"}");
    }

    /// <summary>Stops the gateway gracefully, as the host does on SIGTERM; <see cref="DisposeAsync"/> still cleans up after.</summary>
    public Task StopAsync() => _app.StopAsync(TestContext.Current.CancellationToken);

    /// <summary>Opens a second handle on the same database, as an auditor's tool would.</summary>
    public SqliteStore OpenStore() => SqliteStore.Open(DatabasePath);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A test that kept a file open; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Builds the test configuration; <paramref name="adjust"/> runs once, since some tests' adjustments create files.</summary>
    private static GatehouseConfig Configure(string directory, FakeUpstream upstream, Func<GatehouseConfig, GatehouseConfig>? adjust)
    {
        var config = new GatehouseConfig
        {
            Server = new ServerConfig { Urls = [$"http://127.0.0.1:{FreePort()}"] },
            Storage = new StorageConfig { Sqlite = Path.Combine(directory, "gatehouse.db") },
            Connections =
            [
                Connection("openai", "openai", upstream, "Authorization", "Bearer "),
                Connection("anthropic", "anthropic", upstream, "x-api-key", ""),
                Connection("raw", "http", upstream, "x-upstream-key", ""),
                Connection("locked", "openai", upstream, "Authorization", "Bearer ") with { AllowGroups = ["admins"] },
            ],
        };
        config = DevDefaults.Apply(config, new System.Collections.Hashtable());
        return adjust?.Invoke(config) ?? config;
    }

    /// <summary>The same configuration served at <paramref name="url"/>: the development issuer is named after the URL.</summary>
    private static GatehouseConfig MoveTo(GatehouseConfig config, string url)
    {
        var from = DevDefaults.PublicBase(config) + "/";
        var moved = config with { Server = config.Server with { Urls = [url] } };
        var to = DevDefaults.PublicBase(moved) + "/";
        var issuers = moved.Identity.Oidc.Select(i => i.Issuer.StartsWith(from, StringComparison.Ordinal) ? i with { Issuer = to + i.Issuer[from.Length..] } : i);
        return moved with { Identity = moved.Identity with { Oidc = [.. issuers] } };
    }

    private static void DeleteStore(string database)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
        {
            File.Delete(file);
        }
    }

    private static ConnectionConfig Connection(string name, string kind, FakeUpstream upstream, string header, string prefix) => new()
    {
        Name = name,
        Kind = kind,
        Upstream = upstream.BaseUri,
        Credential = new CredentialConfig { Header = header, Prefix = prefix, Value = UpstreamSecret, Source = "env:TEST" },
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
