using System.Collections;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Otlp;
using Gatehouse.Export.Transports.Splunk;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.Export.Transports.Webhook;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads a sink's <c>transport</c> block for the network types: <c>syslog</c>, <c>hec</c>, <c>webhook</c>, <c>otlp</c>.</summary>
/// <remarks>Secrets (the HEC token, the webhook key, OTLP header values) are read through <see cref="SecretSource"/> only.</remarks>
internal static class ExportTransportBinder
{
    /// <summary>The <c>type</c> values this binder reads.</summary>
    public static readonly IReadOnlyList<string> Types = ["syslog", "hec", "webhook", "otlp"];

    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "audit", "alert", "clock", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    /// <summary>Returns the transport's options, or null after recording every error under the block's path.</summary>
    public static NetworkTransportOptions? Bind(SectionReader s, IDictionary environment)
        => Bind(s, s.RequiredString("type")?.ToLowerInvariant(), environment);

    /// <summary>Reads the keys of a <c>transport</c> block whose <c>type</c> the caller already read (one of <see cref="Types"/>).</summary>
    public static NetworkTransportOptions? Bind(SectionReader s, string? type, IDictionary environment)
    {
        NetworkTransportOptions? options = type switch
        {
            "syslog" => Syslog(s) is { } syslog ? new NetworkTransportOptions { Syslog = syslog } : null,
            "hec" => Hec(s, environment) is { } hec ? new NetworkTransportOptions { Hec = hec } : null,
            "webhook" => Webhook(s, environment) is { } webhook ? new NetworkTransportOptions { Webhook = webhook } : null,
            "otlp" => Otlp(s, environment) is { } otlp ? new NetworkTransportOptions { Otlp = otlp } : null,
            null => null,
            _ => Unknown(s, type),
        };
        s.ReportUnknownKeys();
        return options;
    }

    private static NetworkTransportOptions? Unknown(SectionReader s, string type)
    {
        s.Errors.Add(s.ChildPath("type"), null, $"'{type}' is not one of {string.Join(", ", Types)}");
        return null;
    }

    private static SyslogOptions? Syslog(SectionReader s)
    {
        var defaults = new SyslogOptions { Host = "" };
        var host = s.RequiredString("host");
        var protocol = Protocol(s);
        var tls = s.Section("tls");
        var tlsOptions = new SyslogTlsOptions
        {
            ServerName = tls.String("serverName"),
            CaFile = ExistingFile(tls, "caFile"),
            ClientCertificateFile = ExistingFile(tls, "clientCertificateFile"),
            ClientKeyFile = ExistingFile(tls, "clientKeyFile"),
            ValidateServerCertificate = tls.Bool("validateServerCertificate", true),
        };
        tls.ReportUnknownKeys();
        if (tlsOptions.ClientKeyFile is not null && tlsOptions.ClientCertificateFile is null)
        {
            s.Errors.Add(tls.ChildPath("clientKeyFile"), null, "needs clientCertificateFile");
        }

        var options = new SyslogOptions
        {
            Host = host ?? "",
            Port = s.Child("port") is null ? null : (int)s.Long("port", 514, 1, 65_535),
            Protocol = protocol,
            Facility = Facility(s, defaults.Facility),
            Hostname = s.String("hostname"),
            ConnectTimeout = s.Duration("connectTimeout", defaults.ConnectTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
            WriteTimeout = s.Duration("writeTimeout", defaults.WriteTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)),
            MaxDatagramBytes = (int)s.Long("maxDatagramBytes", defaults.MaxDatagramBytes, SyslogOptions.MinimumDatagramBytes, SyslogOptions.MaximumDatagramBytes),
            Tls = tlsOptions,
        };
        return host is null ? null : options;
    }

    private static HecOptions? Hec(SectionReader s, IDictionary environment)
    {
        var defaults = new HecOptions { Url = "", Token = "" };
        var url = HttpUrl(s, "url");
        var token = Secret(s, "token", environment);
        var options = new HecOptions
        {
            Url = url ?? "",
            Token = token ?? "",
            Host = s.String("host"),
            Sourcetype = s.String("sourcetype") ?? defaults.Sourcetype,
            Index = s.String("index"),
            UseAcknowledgement = s.Bool("acknowledgement", defaults.UseAcknowledgement),
            AckTimeout = s.Duration("ackTimeout", defaults.AckTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            AckPollInterval = s.Duration("ackPollInterval", defaults.AckPollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1)),
            RequestTimeout = RequestTimeout(s),
        };
        return url is null || token is null ? null : options;
    }

    private static WebhookOptions? Webhook(SectionReader s, IDictionary environment)
    {
        var url = HttpUrl(s, "url");
        var secret = Secret(s, "secret", environment);
        var format = s.String("format")?.ToLowerInvariant() switch
        {
            null or "json" => WebhookBodyFormat.JsonArray,
            "ndjson" => WebhookBodyFormat.NdJson,
            var other => Invalid(s, "format", $"'{other}' is not json or ndjson", WebhookBodyFormat.JsonArray),
        };
        var options = new WebhookOptions { Url = url ?? "", Secret = secret ?? "", Format = format, RequestTimeout = RequestTimeout(s) };
        return url is null || secret is null ? null : options;
    }

    private static OtlpOptions? Otlp(SectionReader s, IDictionary environment)
    {
        var defaults = new OtlpOptions { Endpoint = "" };
        var endpoint = HttpUrl(s, "endpoint");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headerSection = s.Child("headers");
        foreach (var (name, node) in headerSection?.Mapping ?? [])
        {
            // A plain value is a routing hint (a tenant); a mapping is a secret read from env or file.
            var value = node.Scalar ?? ReadSecret(new SectionReader(node, s.Errors), environment);
            if (value is not null)
            {
                headers[name] = value;
            }
        }

        if (headerSection is not null && headerSection.Mapping is null)
        {
            s.Errors.Add(headerSection, "must be a section of header names");
        }

        var options = new OtlpOptions
        {
            Endpoint = endpoint ?? "",
            ServiceName = s.String("serviceName") ?? defaults.ServiceName,
            ScopeName = s.String("scopeName") ?? defaults.ScopeName,
            Headers = headers,
            RequestTimeout = RequestTimeout(s),
        };
        return endpoint is null ? null : options;
    }

    private static SyslogProtocol Protocol(SectionReader s) => s.String("protocol")?.ToLowerInvariant() switch
    {
        null or "tcp" => SyslogProtocol.Tcp,
        "tls" => SyslogProtocol.Tls,
        "udp" => SyslogProtocol.Udp,
        var other => Invalid(s, "protocol", $"'{other}' is not tcp, tls or udp", SyslogProtocol.Tcp),
    };

    private static int Facility(SectionReader s, int fallback)
    {
        var text = s.String("facility");
        if (text is null)
        {
            return fallback;
        }

        var named = Array.IndexOf(Facilities, text.ToLowerInvariant());
        if (named >= 0)
        {
            return named;
        }

        return int.TryParse(text, out var code) && code is >= 0 and <= 23
            ? code
            : Invalid(s, "facility", $"'{text}' is not a facility code 0 to 23 or a name (audit, local0, ...)", fallback);
    }

    private static TimeSpan RequestTimeout(SectionReader s)
        => s.Duration("requestTimeout", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));

    private static string? HttpUrl(SectionReader s, string key)
    {
        var text = s.RequiredString(key);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host)))
        {
            s.Errors.Add(s.ChildPath(key), null, $"'{text}' is not an absolute http(s) URL");
            return null;
        }

        return text;
    }

    private static string? Secret(SectionReader s, string key, IDictionary environment)
    {
        if (s.Child(key) is not { } node)
        {
            s.Errors.Add(s.ChildPath(key), null, "required (env: VARIABLE or file: PATH)");
            return null;
        }

        if (node.Scalar is not null)
        {
            s.Errors.Add(node, "secrets are never written in the configuration file: use env or file");
            return null;
        }

        return ReadSecret(new SectionReader(node, s.Errors), environment);
    }

    private static string? ReadSecret(SectionReader reader, IDictionary environment)
    {
        var value = SecretSource.Read(reader, environment, out _);
        reader.ReportUnknownKeys();
        return value;
    }

    private static string? ExistingFile(SectionReader s, string key)
    {
        var path = s.String(key);
        if (path is not null && !File.Exists(path))
        {
            s.Errors.Add(s.ChildPath(key), null, $"file '{path}' does not exist");
        }

        return path;
    }

    private static T Invalid<T>(SectionReader s, string key, string message, T fallback)
    {
        s.Errors.Add(s.ChildPath(key), null, message);
        return fallback;
    }
}
