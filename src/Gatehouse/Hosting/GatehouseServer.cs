using Gatehouse.Audit;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Writing;
using Gatehouse.Control.Hosting;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy;
using Gatehouse.Gateway.Hosting;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Schema;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Hosting;

/// <summary>
/// The composition root: the gateway over the configured store (<see cref="StoreSelection"/>), on Kestrel. Used by
/// <c>serve</c> and by the functional tests, so both run exactly the same server.
/// </summary>
internal static class GatehouseServer
{
    /// <summary>The hosting layer's log category whose being enabled makes every request start an Activity.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Builds the server; throws <see cref="Gatehouse.Storage.StoreUnavailableException"/> if the store cannot open,
    /// <see cref="Gatehouse.Storage.StoreConfigurationException"/> if its settings cannot be used or it lacks a store the
    /// gateway needs, and <see cref="Gatehouse.Gateway.Secrets.KeyFileException"/> if a key file beside it is not its
    /// owner's alone. Starting it brings the store's schema to this release's first (<see cref="StoreSchemaStartup"/>).
    /// </summary>
    public static WebApplication Build(GatehouseConfig config, GatehouseServerOptions? options = null)
    {
        options ??= new GatehouseServerOptions();
        // Gatehouse reads its own YAML configuration; the host's appsettings files must not be watched: a watcher on
        // the content root saw every audit write (the database usually lives below it) and cost ~15% of the CPU.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "gatehouse",
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls([.. ForwardProxyHosting.ListenUrls(config)]);
        builder.WebHost.UseServerTls(config);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.UseForwardProxy(config);
            kestrel.UseServerTls(config);

            // The gateway answers oversize bodies itself with a clear 413; Kestrel's limit only backs it up.
            kestrel.Limits.MaxRequestBodySize = config.Limits.MaxRequestBodyBytes + (64 * 1024);

            // Slow clients (slowloris) hold connections without sending: cut them off so they cannot starve others.
            kestrel.Limits.RequestHeadersTimeout = config.Limits.RequestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(config.Limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5));
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        if (config.Telemetry.OtlpEndpoint is null)
        {
            // ASP.NET Core's hosting layer starts an Activity (and a logging scope) for every request while any level of
            // this category is enabled, tracing or not: about 5% of a small request's busy time. What the category
            // carries at Warning and above is the "Application startup exception" (event 6), which the generic host
            // logs again as "Hosting failed to start" (Microsoft.Extensions.Hosting, event 11); unhandled request errors
            // come from Kestrel's category. With tracing configured the Activity is wanted, so the category stays on.
            builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        }

        // The authentication handlers' base class logs every refusal at Information; the gateway logs its own
        // refusal (event 1100) with the stable code, once.
        builder.Logging.AddFilter("Gatehouse.Gateway.Identity.Credentials.RejectedCredentialsHandler", LogLevel.Warning);
        builder.Logging.AddFilter("Gatehouse.Gateway.Identity.ApiKeys.ApiKeyAuthenticationHandler", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var services = builder.Services;
        if (options.TimeProvider is { } time)
        {
            services.AddSingleton(time);
        }

        services.AddStore(config.Storage, config.Audit, options.Environment ?? Environment.GetEnvironmentVariables());
        StoreSelection.RequireServerStores(services, config.Storage);

        // Registered before every other hosted service, so no job or recovery touches a store of another version.
        services.AddHostedService(sp => new StoreSchemaStartup(
            sp.GetRequiredService<IStoreSchema>(), config.Storage, options.ConfigPath, sp.GetRequiredService<ILogger<StoreSchemaStartup>>()));

        // Next, so that the audit writer stops after every other hosted service has queued its last entries (the host
        // stops hosted services in reverse order).
        services.AddHostedService<AuditWriterStop>();
        DecorateApiKeys(services, (inner, sp) => new CachingApiKeyStore(inner, config.Identity.ApiKeyCache, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AuditWriter(
            sp.GetRequiredService<IAuditStore>(),
            new AuditWriterOptions { QueueCapacity = config.Audit.QueueCapacity, MaxBatchSize = config.Audit.MaxBatch },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<ILogger<AuditWriter>>()));
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditWriter>());
        services.AddHostedService<AuditRecovery>();
        services.AddGatehouseGateway(config);
        services.AddControlPlane(config);

        // Last of ours, so that it stops first after the web server (which the builder adds after every service
        // registered here): the outcomes of the exchanges the server let finish are written before anything else stops.
        services.AddHostedService<OutcomeDrain>();
        options.ConfigureServices?.Invoke(services);

        var app = builder.Build();

        // The embedded store opens (and migrates) here, so a file that cannot be opened stops the build with its reason;
        // a database server is first reached when the server starts.
        _ = app.Services.GetRequiredService<IAuditStore>();

        // The masking engine reads (or makes) the fingerprint key file: a key file others can read stops the start-up
        // here, with its fix, rather than failing the first request.
        _ = app.Services.GetRequiredService<Gatehouse.Masking.MaskingEngine>();
        if (options.DevSigningKey is { } key)
        {
            app.MapDevIssuer(key);
        }

        app.UseForwardProxy(config);
        app.MapControlPlane(config);
        // Agents dial in over a WebSocket (/api/agents/connect); the data path itself refuses upgrades.
        app.UseWebSockets();
        app.MapGatehouse();
        return app;
    }

    /// <summary>Wraps the provider's API-key store in <paramref name="decorate"/>, keeping however the provider made it.</summary>
    private static void DecorateApiKeys(IServiceCollection services, Func<IApiKeyStore, IServiceProvider, IApiKeyStore> decorate)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IApiKeyStore));
        services.Remove(inner);
        services.AddSingleton(sp => decorate(
            inner.ImplementationInstance as IApiKeyStore
                ?? (IApiKeyStore)(inner.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)),
            sp));
    }
}
