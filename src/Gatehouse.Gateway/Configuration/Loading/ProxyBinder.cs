using Gatehouse.Gateway.ForwardProxy.Certificates;
using Gatehouse.Gateway.ForwardProxy.Routing;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Binds and checks the <c>proxy:</c> section and a connection's <c>credential: passthrough</c>.</summary>
internal static class ProxyBinder
{
    /// <summary>The one scalar a connection's <c>credential</c> may be.</summary>
    public const string Passthrough = "passthrough";

    /// <summary>Returns whether a scalar <c>credential</c> is <c>passthrough</c>; records an error otherwise.</summary>
    public static bool IsPassthrough(ConfigNode node, string scalar, ConfigErrors errors)
    {
        if (string.Equals(scalar, Passthrough, StringComparison.Ordinal))
        {
            return true;
        }

        errors.Add(node, $"'{scalar}' is not '{Passthrough}' nor a section with header and value (env or file)");
        return false;
    }

    public static ProxyConfig? Bind(SectionReader root, GatehouseConfig config)
    {
        if (root.Child("proxy") is null)
        {
            return null;
        }

        var s = root.Section("proxy");
        var defaults = new ProxyConfig { Listen = "" };
        var listen = s.RequiredString("listen");
        if (listen is not null)
        {
            CheckListen(s, listen, config.Server);
        }

        var intercept = BindIntercept(s, config.Connections);
        var tunnel = s.StringList("tunnel") ?? [];
        for (var i = 0; i < tunnel.Count; i++)
        {
            if (HostPattern.TryParse(tunnel[i]) is null)
            {
                s.Errors.Add(ConfigNode.ItemPath(s.ChildPath("tunnel"), i), null, $"'{tunnel[i]}' is not a host name or *.domain");
            }
        }

        var defaultText = s.String("default") ?? "refuse";
        var fallback = defaultText switch
        {
            "refuse" => ProxyDefault.Refuse,
            "tunnel" => ProxyDefault.Tunnel,
            _ => Invalid(s, "default", $"'{defaultText}' is not refuse or tunnel"),
        };

        var ports = BindPorts(s, defaults.Ports);
        var ca = BindCa(s.Section("ca"), intercept.Count > 0);
        var proxy = new ProxyConfig
        {
            Listen = listen ?? "",
            Intercept = intercept,
            Tunnel = tunnel,
            Default = fallback,
            Ports = ports,
            Ca = ca,
            LeafLifetime = s.Duration("leafLifetime", defaults.LeafLifetime, TimeSpan.FromHours(1), TimeSpan.FromDays(30)),
            AllowPrivateTargets = s.Bool("allowPrivateTargets", false),
        };
        s.ReportUnknownKeys();
        return proxy;
    }

    private static void CheckListen(SectionReader s, string listen, ServerConfig server)
    {
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || string.IsNullOrEmpty(uri.Host)
            || uri.AbsolutePath != "/")
        {
            s.Errors.Add(s.ChildPath("listen"), null, $"'{listen}' is not a plain http://host:port URL (clients speak to a proxy in plain HTTP; TLS runs inside CONNECT)");
            return;
        }

        foreach (var url in server.Urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var other) && other.Port == uri.Port)
            {
                s.Errors.Add(s.ChildPath("listen"), null, $"port {uri.Port} is also in server.urls ('{url}'); the proxy needs a port of its own");
            }
        }
    }

    private static List<ProxyInterceptConfig> BindIntercept(SectionReader s, IReadOnlyList<ConnectionConfig> connections)
    {
        var rules = new List<ProxyInterceptConfig>();
        foreach (var item in s.Items("intercept"))
        {
            var r = new SectionReader(item, s.Errors);
            var host = r.RequiredString("host");
            var connection = r.RequiredString("connection");
            if (host is not null && HostPattern.TryParse(host) is null)
            {
                r.Errors.Add(r.ChildPath("host"), null, $"'{host}' is not a host name or *.domain");
            }

            if (connection is not null && !connections.Any(c => string.Equals(c.Name, connection, StringComparison.OrdinalIgnoreCase)))
            {
                r.Errors.Add(r.ChildPath("connection"), null, $"'{connection}' is not a configured connection (one of: {string.Join(", ", connections.Select(c => c.Name))})");
            }

            r.ReportUnknownKeys();
            if (host is not null && connection is not null)
            {
                rules.Add(new ProxyInterceptConfig { Host = host, Connection = connection });
            }
        }

        return rules;
    }

    private static List<int> BindPorts(SectionReader s, IReadOnlyList<int> fallback)
    {
        var texts = s.StringList("ports");
        if (texts is null)
        {
            return [.. fallback];
        }

        var ports = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (int.TryParse(texts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                ports.Add(port);
            }
            else
            {
                s.Errors.Add(ConfigNode.ItemPath(s.ChildPath("ports"), i), null, $"'{texts[i]}' is not a port from 1 to 65535");
            }
        }

        if (texts.Count == 0)
        {
            s.Errors.Add(s.ChildPath("ports"), null, "must list at least one port (the default is [443])");
        }

        return ports;
    }

    private static ProxyCaConfig? BindCa(SectionReader s, bool required)
    {
        if (!required && s.Child("cert") is null && s.Child("key") is null)
        {
            s.ReportUnknownKeys();
            return null;
        }

        var cert = s.RequiredString("cert");
        var key = s.RequiredString("key");
        s.ReportUnknownKeys();
        if (cert is null || key is null)
        {
            return null;
        }

        var files = new ProxyCaConfig { Cert = cert, Key = key };
        using var ca = OrganisationCa.TryLoad(files, TimeProvider.System, out var problem);
        if (problem is not null)
        {
            var split = problem.IndexOf(": ", StringComparison.Ordinal);
            s.Errors.Add(s.ChildPath(problem[..split]), null, problem[(split + 2)..]);
        }

        return files;
    }

    private static ProxyDefault Invalid(SectionReader s, string key, string message)
    {
        s.Errors.Add(s.ChildPath(key), null, message);
        return ProxyDefault.Refuse;
    }
}
