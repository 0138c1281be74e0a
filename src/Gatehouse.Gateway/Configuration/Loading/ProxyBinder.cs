using Gatehouse.Gateway.ForwardProxy.Certificates;
using Gatehouse.Gateway.ForwardProxy.Routing;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Binds the <c>proxy:</c> section and a connection's <c>credential: passthrough</c>; what it must agree with is checked by <c>ProxySection</c>.</summary>
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

    public static ProxyConfig Bind(SectionReader s, ItemPaths paths)
    {
        var defaults = new ProxyConfig { Listen = "" };
        var listen = s.RequiredString("listen");
        if (listen is not null && ListenUri(listen) is null)
        {
            s.Errors.Add(s.ChildPath("listen"), null, $"'{listen}' is not a plain http://host:port URL (clients speak to a proxy in plain HTTP; TLS runs inside CONNECT)");
        }

        var intercept = BindIntercept(s, paths);
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

    /// <summary>The listen URL when it is a plain <c>http://host:port</c>; null otherwise.</summary>
    public static Uri? ListenUri(string listen)
        => Uri.TryCreate(listen, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !string.IsNullOrEmpty(uri.Host) && uri.AbsolutePath == "/"
            ? uri
            : null;

    private static List<ProxyInterceptConfig> BindIntercept(SectionReader s, ItemPaths paths)
    {
        var rules = new List<ProxyInterceptConfig>();
        var items = s.Items("intercept");
        for (var i = 0; i < items.Count; i++)
        {
            var r = new SectionReader(items[i], s.Errors);
            var host = r.RequiredString("host");
            var connection = r.RequiredString("connection");
            if (host is not null && HostPattern.TryParse(host) is null)
            {
                r.Errors.Add(r.ChildPath("host"), null, $"'{host}' is not a host name or *.domain");
            }

            r.ReportUnknownKeys();
            if (host is not null && connection is not null)
            {
                rules.Add(new ProxyInterceptConfig { Host = host, Connection = connection });
                paths.Kept(s.ChildPath("intercept"), i);
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
