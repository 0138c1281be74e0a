using Gatehouse.Gateway.Identity.Development;

namespace Gatehouse.Hosting;

/// <summary>How the server is built beyond its configuration: development issuer, logging, test seams.</summary>
internal sealed record GatehouseServerOptions
{
    /// <summary>Gets the development issuer's key; when set, the issuer's endpoints are served (<c>serve --dev</c>).</summary>
    public DevSigningKey? DevSigningKey { get; init; }

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Gets the clock; the default is the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Gets a hook to add log providers (tests capture every line to prove no secret reaches a log).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Gets the configuration file the server was started with, named in the command an out-of-date store asks for.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Gets the environment variables a store's settings may name (<c>storage.postgres.env</c>); default the process's.</summary>
    public System.Collections.IDictionary? Environment { get; init; }

    /// <summary>Gets a last chance to replace services (tests replace the audit trail to inject failures).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
