using System.Net;
using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Storage.Keys;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>
/// Shared servers for the identity tests: a real OpenIddict IdP, a host serving the development issuer, and a small
/// app that identifies callers with <c>AddGatehouseIdentity</c> and trusts three issuers at once.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    // Bound but never listening: connections to it are refused, and no other socket can take its port meanwhile.
    private readonly System.Net.Sockets.Socket _closedPort = ClosedPort();
    private WebApplication? _devIssuerHost;
    private WebApplication? _app;
    private string? _devKeyDirectory;

    internal OidcTestServer Idp { get; private set; } = null!;

    internal DevSigningKey DevKey { get; private set; } = null!;

    internal string DevPublicBase { get; private set; } = "";

    internal FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    internal InMemoryApiKeyStore Keys { get; } = new();

    internal HttpClient Client { get; private set; } = null!;

    /// <summary>Gets an issuer the app trusts whose discovery endpoint refuses connections.</summary>
    internal string UnreachableIssuer => $"http://127.0.0.1:{((IPEndPoint)_closedPort.LocalEndPoint!).Port}/";

    /// <summary>Gets every line the app logged, at every level.</summary>
    internal CapturingLoggerProvider Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Idp = await OidcTestServer.StartAsync(Time);
        _devKeyDirectory = Directory.CreateTempSubdirectory("gatehouse-dev-issuer").FullName;
        DevKey = DevSigningKey.LoadOrCreate(Path.Combine(_devKeyDirectory, DevSigningKey.DefaultPath));
        _devIssuerHost = await StartAsync(app => app.MapDevIssuer(DevKey));
        DevPublicBase = Address(_devIssuerHost);

        var config = new IdentityConfig
        {
            Oidc =
            [
                new OidcIssuerConfig
                {
                    Issuer = Idp.Issuer,
                    Audiences = [OidcTestServer.Audience],
                    AllowHttp = true,

                    // Other tests send unknown kids too; the rotation test must not wait out their refresh.
                    KeyRefreshInterval = TimeSpan.FromSeconds(1),
                },
                new OidcIssuerConfig
                {
                    Issuer = Idp.SecondIssuer,
                    MetadataAddress = Idp.MetadataAddress,
                    Audiences = [OidcTestServer.Audience],
                    AllowHttp = true,
                    GroupsClaim = "realm_access.roles",
                },
                DevIssuer.IssuerConfig(DevPublicBase),
                new OidcIssuerConfig { Issuer = UnreachableIssuer, Audiences = [OidcTestServer.Audience], AllowHttp = true },
            ],
        };
        _app = await StartAsync(MapIdentityEndpoints, services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IApiKeyStore>(Keys);
            services.AddGatehouseIdentity(config);
            services.AddAuthorization();
            services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        });
        Client = new HttpClient { BaseAddress = new Uri(Address(_app)) };
        await PrimeIssuersAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await (_app?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_devIssuerHost?.DisposeAsync() ?? ValueTask.CompletedTask);
        await Idp.DisposeAsync();
        _closedPort.Dispose();
        if (_devKeyDirectory is not null)
        {
            Directory.Delete(_devKeyDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Has the app fetch the IdP's and the development issuer's discovery documents and keys before the first test, so
    /// that no test pays for the first, cold fetch (the IdP compiles its handlers on its first requests, which a loaded
    /// machine can stretch past the gateway's backchannel timeout).
    /// </summary>
    /// <remarks>
    /// A fetch that times out answers that request with 503, and the next request fetches again; waiting until each
    /// issuer accepts a token is therefore enough, however slow the machine. The second issuer is left to fetch on its
    /// first use: its keys are the IdP's, which the rotation test changes, and it refreshes them only after its
    /// default 60 s interval, so keys fetched now could be stale by the time its one test runs.
    /// </remarks>
    private async Task PrimeIssuersAsync()
    {
        string[] tokens =
        [
            await Idp.RequestTokenAsync("primer", "dev"),
            new DevTokenMinter(DevKey, Time).Mint(DevPublicBase, "primer", ["dev"]),
        ];
        foreach (var token in tokens)
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    using var response = await IdentityHttp.GetAsync(Client, bearer: token);
                    return response.IsSuccessStatusCode;
                },
                "the identity app to fetch each issuer's keys");
        }
    }

    /// <summary>Creates and stores an API key, returning the text a client sends.</summary>
    internal async Task<string> CreateKeyAsync(string name, string[] groups, DateTimeOffset? expiresAt = null)
    {
        var issued = new ApiKeyIssuer(Time).Create(name, groups, expiresAt, "email:owner@example.com");
        Assert.True(await Keys.CreateAsync(issued.Record, CancellationToken.None));
        return issued.Plaintext;
    }

    internal static void MapIdentityEndpoints(WebApplication app)
    {
        app.MapGet("/whoami", async (HttpContext context, IdentityResolver resolver) =>
        {
            var result = await resolver.AuthenticateAsync(context);
            if (!result.Succeeded)
            {
                await IdentityResolver.WriteProblemAsync(context, result.Failure);
                return;
            }

            await context.Response.WriteAsJsonAsync(result.Identity, JsonSerializerOptions.Web);
        });
        app.MapGet("/protected", (HttpContext context) => context.User.Identity!.Name).RequireAuthorization();
    }

    internal static async Task<WebApplication> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static System.Net.Sockets.Socket ClosedPort()
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    internal static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
}
