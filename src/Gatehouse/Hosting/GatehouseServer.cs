using Gatehouse.Audit;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Writing;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Hosting;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Storage.Sqlite.Approvals;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Hosting;

/// <summary>
/// The composition root: the gateway over the embedded SQLite store, on Kestrel. Used by <c>serve</c> and by the
/// functional tests, so both run exactly the same server.
/// </summary>
internal static class GatehouseServer
{
    /// <summary>
    /// Builds the server; throws <see cref="Gatehouse.Storage.StoreUnavailableException"/> if the store cannot open and
    /// <see cref="Gatehouse.Gateway.Secrets.KeyFileException"/> if a key file beside it is not its owner's alone.
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
        builder.WebHost.UseUrls([.. config.Server.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

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

        // The authentication handlers' base class logs every refusal at Information; the gateway logs its own
        // refusal (event 1100) with the stable code, once.
        builder.Logging.AddFilter("Gatehouse.Gateway.Identity.Credentials.RejectedCredentialsHandler", LogLevel.Warning);
        builder.Logging.AddFilter("Gatehouse.Gateway.Identity.ApiKeys.ApiKeyAuthenticationHandler", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var store = SqliteStore.Open(new SqliteStoreOptions
        {
            Path = config.Storage.Sqlite,
            BusyTimeout = config.Storage.BusyTimeout,
            Durability = config.Audit.Durability,
            SyncInterval = config.Audit.SyncInterval,
        });
        var services = builder.Services;
        if (options.TimeProvider is { } time)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(store);
        services.AddSingleton<IAuditStore>(store);
        services.AddSingleton<IAuditCheckpointStore>(store);
        services.AddSingleton<Gatehouse.Audit.Retention.IAuditRetentionStore>(new Gatehouse.Storage.Sqlite.Retention.SqliteRetentionStore(store));
        services.AddSingleton<Gatehouse.Export.Cursors.IExportCursorStore>(new Gatehouse.Storage.Sqlite.Export.SqliteExportCursorStore(store));
        services.AddSingleton<IApprovalStore>(sp => new SqliteApprovalStore(store, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Gatehouse.Storage.Grants.IGrantStore>(sp => new Gatehouse.Storage.Sqlite.Grants.SqliteGrantStore(store, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Gatehouse.Storage.Agents.IAgentTokenStore>(new Gatehouse.Storage.Sqlite.Agents.SqliteAgentTokenStore(store));
        services.AddSingleton<IApiKeyStore>(sp => new CachingApiKeyStore(store, config.Identity.ApiKeyCache, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AuditWriter(
            store,
            new AuditWriterOptions { QueueCapacity = config.Audit.QueueCapacity, MaxBatchSize = config.Audit.MaxBatch },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<ILogger<AuditWriter>>()));
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditWriter>());
        services.AddHostedService<AuditRecovery>();
        services.AddGatehouseGateway(config);
        options.ConfigureServices?.Invoke(services);

        var app = builder.Build();
        store.UseLoggerFactory(app.Services.GetRequiredService<ILoggerFactory>());

        // The masking engine reads (or makes) the fingerprint key file: a key file others can read stops the start-up
        // here, with its fix, rather than failing the first request.
        _ = app.Services.GetRequiredService<Gatehouse.Masking.MaskingEngine>();
        if (options.DevSigningKey is { } key)
        {
            app.MapDevIssuer(key);
        }

        // Agents dial in over a WebSocket (/api/agents/connect); the data path itself refuses upgrades.
        app.UseWebSockets();
        app.MapGatehouse();
        return app;
    }
}
