namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The validated, immutable configuration snapshot the data path reads. Built once at start-up from YAML and
/// environment variables; a request holds one snapshot from start to end.
/// </summary>
public sealed record GatehouseConfig
{
    /// <summary>Gets the listener settings.</summary>
    public ServerConfig Server { get; init; } = new();

    /// <summary>Gets how callers are identified.</summary>
    public IdentityConfig Identity { get; init; } = new();

    /// <summary>Gets the upstream connections, by unique name.</summary>
    public IReadOnlyList<ConnectionConfig> Connections { get; init; } = [];

    /// <summary>Gets the forward-proxy listener, or null when the gateway is not a proxy (the default).</summary>
    public ProxyConfig? Proxy { get; init; }

    /// <summary>Gets where state is stored.</summary>
    public StorageConfig Storage { get; init; } = new();

    /// <summary>Gets the policy that decides exchanges.</summary>
    public PolicyConfig Policy { get; init; } = new();

    /// <summary>Gets the masking engine's settings.</summary>
    public MaskingConfig Masking { get; init; } = new();

    /// <summary>Gets the audit trail's settings.</summary>
    public AuditConfig Audit { get; init; } = new();

    /// <summary>Gets where the audit log is exported to.</summary>
    public ExportConfig Export { get; init; } = new();

    /// <summary>Gets the request limits.</summary>
    public LimitsConfig Limits { get; init; } = new();

    /// <summary>Gets which connections may be requested just in time, and who reviews the requests.</summary>
    public AccessConfig Access { get; init; } = new();

    /// <summary>Gets how responses held for review are buffered and kept alive.</summary>
    public ResponseHoldConfig ResponseHolds { get; init; } = new();

    /// <summary>Gets where traces and metrics go.</summary>
    public TelemetryConfig Telemetry { get; init; } = new();

    /// <summary>Gets the outgoing webhooks for approvals and checkpoints.</summary>
    public NotificationsConfig Notifications { get; init; } = new();

    /// <summary>Gets who holds the gateway's roles (admin, auditor).</summary>
    public RolesConfig Roles { get; init; } = new();

    /// <summary>Gets what agents dialling the gateway must present besides their enrollment token.</summary>
    public AgentsConfig Agents { get; init; } = new();

    /// <summary>Gets the web console's sign-in; the console is off until it is configured.</summary>
    public ConsoleConfig Console { get; init; } = new();

    /// <summary>Gets a value indicating whether the development defaults are on (<c>serve --dev</c>).</summary>
    public bool Dev { get; init; }

    /// <summary>
    /// Gets a value indicating whether the file says <c>dev: true</c>: it is for development only, the one kind of file
    /// <c>serve --dev</c> accepts, and one a gateway outside development mode refuses. The default is false.
    /// </summary>
    public bool DevelopmentOnly { get; init; }
}
