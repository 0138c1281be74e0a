using System.Collections;
using System.Text.RegularExpressions;
using Gatehouse.Storage;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Turns the configuration tree into a validated <see cref="GatehouseConfig"/>, collecting every error.</summary>
internal static partial class ConfigBinder
{
    private static readonly HashSet<string> ReservedNames =
        new(["api", "healthz", "readyz", "metrics", "dev-issuer", "_gatehouse", "console"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ConnectionKinds = new(["openai", "anthropic", "mcp", "http"], StringComparer.Ordinal);

    public static GatehouseConfig Bind(ConfigNode root, IDictionary environment, ConfigErrors errors)
    {
        var reader = new SectionReader(root, errors);
        var config = new GatehouseConfig
        {
            Server = BindServer(reader.Section("server")),
            Identity = BindIdentity(reader.Section("identity")),
            Connections = BindConnections(reader, environment),
            Storage = StorageBinder.Bind(reader.Section("storage")),
            Masking = MaskingBinder.Bind(reader.Section("masking"), environment),
            Policy = BindPolicy(reader.Section("policy")),
            Audit = BindAudit(reader.Section("audit"), environment),
            Export = ExportBinder.Bind(reader.Section("export"), environment),
            Limits = BindLimits(reader.Section("limits")),
            Telemetry = BindTelemetry(reader.Section("telemetry")),
            Notifications = NotificationsBinder.Bind(reader.Section("notifications"), environment),
            ResponseHolds = ResponseHoldBinder.Bind(reader.Section("responseHolds")),
            Roles = RolesBinder.Bind(reader.Section("roles")),
            Console = ConsoleBinder.Bind(reader.Section("console"), environment),
            DevelopmentOnly = reader.Bool("dev", false),
        };
        config = config with { Agents = AgentsBinder.Bind(reader.Section("agents"), config.Server) };
        config = config with { Access = AccessBinder.Bind(reader.Section("access"), config.Connections) };
        config = config with { Proxy = ProxyBinder.Bind(reader, config) };
        reader.ReportUnknownKeys();
        RetentionBinder.Check(config, errors);
        StorageBinder.CheckSharedKeys(config, errors);
        return config;
    }

    private static ServerConfig BindServer(SectionReader s)
    {
        var defaults = new ServerConfig();
        var urls = s.StringList("urls") ?? defaults.Urls;
        for (var i = 0; i < urls.Count; i++)
        {
            if (!IsHttpUrl(urls[i]))
            {
                s.Errors.Add(ConfigNode.ItemPath(s.ChildPath("urls"), i), null, $"'{urls[i]}' is not an absolute http(s) URL");
            }
        }

        var publicUrl = s.String("publicUrl");
        if (publicUrl is not null && !IsHttpUrl(publicUrl))
        {
            s.Errors.Add(s.ChildPath("publicUrl"), null, $"'{publicUrl}' is not an absolute http(s) URL");
        }

        var tls = ServerTlsBinder.Bind(s, urls);
        s.ReportUnknownKeys();
        return new ServerConfig { Urls = urls, PublicUrl = publicUrl?.TrimEnd('/'), Tls = tls };
    }

    private static IdentityConfig BindIdentity(SectionReader s)
    {
        var issuers = new List<OidcIssuerConfig>();
        foreach (var item in s.Items("oidc"))
        {
            if (BindIssuer(new SectionReader(item, s.Errors)) is { } issuer)
            {
                issuers.Add(issuer);
            }
        }

        var config = new IdentityConfig
        {
            Oidc = issuers,
            ApiKeys = s.Bool("apiKeys", true),
            ApiKeyCache = s.Duration("apiKeyCache", new IdentityConfig().ApiKeyCache, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            TokenCache = BindTokenCache(s.Section("tokenCache")),
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static TokenCacheConfig BindTokenCache(SectionReader s)
    {
        var d = new TokenCacheConfig();
        var config = new TokenCacheConfig
        {
            MaxEntries = (int)s.Long("maxEntries", d.MaxEntries, 0, 1_000_000),
            MaxAge = s.Duration("maxAge", d.MaxAge, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        };
        s.ReportUnknownKeys();
        return config;
    }

    /// <summary>Reads an issuer's values; what they must satisfy is checked once, by <c>IdentityConfigChecks</c>.</summary>
    private static OidcIssuerConfig? BindIssuer(SectionReader s)
    {
        var defaults = new OidcIssuerConfig { Issuer = "", Audiences = [] };
        var issuer = s.RequiredString("issuer");
        var config = new OidcIssuerConfig
        {
            Issuer = issuer ?? "",
            Audiences = s.StringList("audiences") ?? s.StringList("audience") ?? [],
            MetadataAddress = s.String("metadataAddress"),
            AllowHttp = s.Bool("allowHttp", false),
            TrustEmail = s.Bool("trustEmail", false),
            GroupsClaim = s.String("groupsClaim") ?? defaults.GroupsClaim,
            Algorithms = s.StringList("algorithms") ?? defaults.Algorithms,
            ClockSkew = s.Duration("clockSkew", defaults.ClockSkew, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            TokenTypes = s.StringList("tokenTypes") ?? defaults.TokenTypes,
            KeyRefreshInterval = s.Duration("keyRefreshInterval", defaults.KeyRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        };
        s.ReportUnknownKeys();
        return issuer is null ? null : config;
    }

    private static List<ConnectionConfig> BindConnections(SectionReader root, IDictionary environment)
    {
        var connections = new List<ConnectionConfig>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in root.Items("connections"))
        {
            var s = new SectionReader(item, root.Errors);
            var name = s.RequiredString("name");
            if (name is not null && !ConnectionName().IsMatch(name))
            {
                s.Errors.Add(s.ChildPath("name"), null, $"'{name}' must be 1-63 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
            }
            else if (name is not null && ReservedNames.Contains(name))
            {
                s.Errors.Add(s.ChildPath("name"), null, $"'{name}' is reserved by the gateway");
            }
            else if (name is not null && !seen.Add(name))
            {
                s.Errors.Add(s.ChildPath("name"), null, $"'{name}' is used by another connection");
            }

            var kind = s.String("kind") ?? "http";
            if (!ConnectionKinds.Contains(kind))
            {
                s.Errors.Add(s.ChildPath("kind"), null, $"'{kind}' is not one of openai, anthropic, mcp, http");
            }

            var via = s.String("via");
            var hasStdio = McpTransportBinder.HasStdio(s);
            var upstreamText = hasStdio ? s.String("upstream") : s.RequiredString("upstream");
            Uri? upstream = null;
            if (hasStdio && upstreamText is not null)
            {
                s.Errors.Add(s.ChildPath("stdio"), null, "give exactly one of upstream (a URL) or stdio (a server the gateway runs)");
            }
            else if (via is not null && !Agents.AgentNames.IsValid(via))
            {
                s.Errors.Add(s.ChildPath("via"), null, $"'{via}' is not an agent name: {Agents.AgentNames.Rule}");
            }
            else if (via is not null && upstreamText is not null && !Agents.AgentNames.IsValid(upstreamText))
            {
                s.Errors.Add(s.ChildPath("upstream"), null,
                    $"'{upstreamText}' is not a key of the agent's upstreams ({Agents.AgentNames.Rule}); through an agent the URL lives in the agent's file");
            }
            else if (via is not null && upstreamText is not null)
            {
                upstream = new Uri($"http://{Agents.AgentProtocol.TunnelHost}/{upstreamText}");
            }
            else if (upstreamText is not null && (!IsHttpUrl(upstreamText) || !Uri.TryCreate(upstreamText, UriKind.Absolute, out upstream)))
            {
                s.Errors.Add(s.ChildPath("upstream"), null, $"'{upstreamText}' is not an absolute http(s) URL");
            }
            else if (upstream is not null && (upstream.Query.Length > 0 || upstream.Fragment.Length > 0))
            {
                s.Errors.Add(s.ChildPath("upstream"), null, "must not have a query or fragment");
            }

            var credentialNode = s.Child("credential");
            var passthrough = credentialNode?.Scalar is { } scalar && ProxyBinder.IsPassthrough(credentialNode, scalar, s.Errors);
            var credential = credentialNode is null || credentialNode.Scalar is not null ? null : BindCredential(new SectionReader(credentialNode, s.Errors), environment);
            var allowGroups = s.StringList("allowGroups") ?? [];
            var masking = MaskingBinder.BindConnection(s.Section("masking"));
            var retention = RetentionBinder.BindConnection(s.Section("retention"));
            var mcp = McpBinder.BindConnection(s, kind);
            var stdio = hasStdio ? McpTransportBinder.BindStdio(s, kind, via, environment) : null;
            var transport = McpTransportBinder.BindTransport(s, kind, hasStdio, via);
            upstream = stdio is not null && upstreamText is null ? McpTransportBinder.StdioUpstream : upstream;
            s.ReportUnknownKeys();
            if (name is not null && upstream is not null)
            {
                connections.Add(new ConnectionConfig
                {
                    Name = name,
                    Kind = kind,
                    Upstream = upstream,
                    Via = via,
                    AgentUpstream = via is null ? null : upstreamText,
                    Credential = credential,
                    CredentialPassthrough = passthrough,
                    AllowGroups = allowGroups,
                    Masking = masking,
                    Retention = retention,
                    Mcp = mcp,
                    Stdio = stdio,
                    Transport = transport,
                });
            }
        }

        return connections;
    }

    internal static CredentialConfig? BindCredential(SectionReader s, IDictionary environment)
    {
        var header = s.RequiredString("header");
        var prefix = s.String("prefix") ?? "";
        var value = SecretSource.Read(s, environment, out var source);
        if (header is not null && !HeaderName().IsMatch(header))
        {
            s.Errors.Add(s.ChildPath("header"), null, $"'{header}' is not a valid HTTP header name");
        }

        if (value is not null && (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)))
        {
            s.Errors.Add(s.Path, null, $"the value from {source} contains a line break");
        }

        s.ReportUnknownKeys();
        return header is null || string.IsNullOrEmpty(value) ? null : new CredentialConfig { Header = header, Prefix = prefix, Value = value, Source = source! };
    }

    private static PolicyConfig BindPolicy(SectionReader s)
    {
        var file = s.String("file");
        if (file is not null && !File.Exists(file))
        {
            s.Errors.Add(s.ChildPath("file"), null, $"there is no policy file '{file}'");
        }

        s.ReportUnknownKeys();
        return new PolicyConfig { File = file };
    }

    private static AuditConfig BindAudit(SectionReader s, IDictionary environment)
    {
        var d = new AuditConfig();
        var modeText = s.String("failureMode") ?? "closed";
        if (!Enum.TryParse<AuditFailureMode>(modeText, ignoreCase: true, out var mode) || int.TryParse(modeText, out _))
        {
            s.Errors.Add(s.ChildPath("failureMode"), null, $"'{modeText}' is not closed or open");
        }

        var durabilityText = s.String("durability") ?? "fsync";
        if (!Enum.TryParse<StoreDurability>(durabilityText, ignoreCase: true, out var durability) || int.TryParse(durabilityText, out _))
        {
            s.Errors.Add(s.ChildPath("durability"), null, $"'{durabilityText}' is not fsync or process");
        }

        var config = new AuditConfig
        {
            FailureMode = mode,
            Durability = durability,
            SyncInterval = s.Duration("syncInterval", d.SyncInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1)),
            BodyCapBytes = (int)s.Long("bodyCapBytes", d.BodyCapBytes, 0, 64 * 1024 * 1024),
            TextCapChars = (int)s.Long("textCapChars", d.TextCapChars, 1024, 64 * 1024 * 1024),
            QueueCapacity = (int)s.Long("queueCapacity", d.QueueCapacity, 16, 1_000_000),
            MaxBatch = (int)s.Long("maxBatch", d.MaxBatch, 1, 10_000),
            Checkpoints = s.Child("checkpoints") is null ? null : BindCheckpoints(s.Section("checkpoints"), environment),
            Retention = RetentionBinder.BindAudit(s.Section("retention")),
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static CheckpointConfig? BindCheckpoints(SectionReader s, IDictionary environment)
    {
        var key = CheckpointKeyBinder.Bind(s, environment);
        var config = new CheckpointConfig
        {
            KeyFile = key?.File ?? "",
            KeyPem = key?.Pem,
            KeyEnv = key?.Env,
            Interval = s.Duration("interval", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            Entries = s.Long("entries", 10_000, 1, 100_000_000),
            Directory = s.String("directory"),
        };
        s.ReportUnknownKeys();
        return key is null ? null : config;
    }

    private static LimitsConfig BindLimits(SectionReader s)
    {
        var d = new LimitsConfig();
        var config = new LimitsConfig
        {
            MaxRequestBodyBytes = s.Long("maxRequestBodyBytes", d.MaxRequestBodyBytes, 1024, 1024L * 1024 * 1024),
            UpstreamTimeout = s.Duration("upstreamTimeout", d.UpstreamTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(2)),
            RequestHeadersTimeout = s.Duration("requestHeadersTimeout", d.RequestHeadersTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)),
            MinRequestBodyBytesPerSecond = (int)s.Long("minRequestBodyBytesPerSecond", d.MinRequestBodyBytesPerSecond, 1, 100L * 1024 * 1024),
            UnauthenticatedPerMinute = (int)s.Long("unauthenticatedPerMinute", d.UnauthenticatedPerMinute, 1, 1_000_000),
            RefusalAuditInterval = s.Duration("refusalAuditInterval", d.RefusalAuditInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            MaxHoldsPerCaller = (int)s.Long("maxHoldsPerCaller", d.MaxHoldsPerCaller, 1, 10_000),
            MaxPendingPerCaller = (int)s.Long("maxPendingPerCaller", d.MaxPendingPerCaller, 1, 10_000),
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static TelemetryConfig BindTelemetry(SectionReader s)
    {
        var endpoint = s.String("otlpEndpoint");
        if (endpoint is not null && !IsHttpUrl(endpoint))
        {
            s.Errors.Add(s.ChildPath("otlpEndpoint"), null, $"'{endpoint}' is not an absolute http(s) URL");
        }

        var config = new TelemetryConfig { OtlpEndpoint = endpoint, ServiceName = s.String("serviceName") ?? "gatehouse" };
        s.ReportUnknownKeys();
        return config;
    }

    private static bool IsHttpUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex ConnectionName();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();
}
