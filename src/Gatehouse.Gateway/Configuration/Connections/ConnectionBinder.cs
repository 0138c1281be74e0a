using System.Collections;
using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Agents;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Connections;

/// <summary>Reads one <c>connections[]</c> item; its name and kind are checked by <see cref="ConnectionsSection.Validate"/>.</summary>
internal static class ConnectionBinder
{
    private static readonly Uri Unusable = new("http://unusable.gatehouse.invalid/");

    public static ConnectionConfig? Bind(SectionReader s, IDictionary environment)
    {
        var errorsBefore = s.Errors.Count;
        var name = s.RequiredString("name");
        var kind = s.String("kind") ?? "http";
        var via = s.String("via");
        var hasStdio = McpTransportBinder.HasStdio(s);
        var upstreamText = hasStdio ? s.String("upstream") : s.RequiredString("upstream");
        var upstream = BindUpstream(s, hasStdio, via, upstreamText);
        var credentialNode = s.Child("credential");
        var passthrough = credentialNode?.Scalar is { } scalar && ProxyBinder.IsPassthrough(credentialNode, scalar, s.Errors);
        var credential = credentialNode is null || credentialNode.Scalar is not null ? null : CredentialBinder.Bind(new SectionReader(credentialNode, s.Errors), environment);
        var allowGroups = s.StringList("allowGroups") ?? [];
        var masking = MaskingBinder.BindConnection(s.Section("masking"));
        var retention = RetentionBinder.BindConnection(s.Section("retention"));
        var mcp = McpBinder.BindConnection(s, kind);
        var stdio = hasStdio ? McpTransportBinder.BindStdio(s, kind, via, environment) : null;
        var transport = McpTransportBinder.BindTransport(s, kind, hasStdio, via);
        upstream = stdio is not null && upstreamText is null ? McpTransportBinder.StdioUpstream : upstream;
        s.ReportUnknownKeys();
        if (name is null || (upstream is null && s.Errors.Count == errorsBefore))
        {
            return null;
        }

        // Without a usable upstream an error is already recorded, so this snapshot is never used; the item is kept
        // so that its name and kind are still checked with the others'.
        upstream ??= Unusable;

        return new ConnectionConfig
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
        };
    }

    /// <summary>A URL, a key of an agent's upstreams (through <c>via</c>), or nothing for a stdio server.</summary>
    private static Uri? BindUpstream(SectionReader s, bool hasStdio, string? via, string? upstreamText)
    {
        Uri? upstream = null;
        if (hasStdio && upstreamText is not null)
        {
            s.Errors.Add(s.ChildPath("stdio"), null, "give exactly one of upstream (a URL) or stdio (a server the gateway runs)");
        }
        else if (via is not null && !AgentNames.IsValid(via))
        {
            s.Errors.Add(s.ChildPath("via"), null, $"'{via}' is not an agent name: {AgentNames.Rule}");
        }
        else if (via is not null && upstreamText is not null && !AgentNames.IsValid(upstreamText))
        {
            s.Errors.Add(s.ChildPath("upstream"), null,
                $"'{upstreamText}' is not a key of the agent's upstreams ({AgentNames.Rule}); through an agent the URL lives in the agent's file");
        }
        else if (via is not null && upstreamText is not null)
        {
            upstream = new Uri($"http://{AgentProtocol.TunnelHost}/{upstreamText}");
        }
        else if (upstreamText is not null && (!HttpUrl.IsValid(upstreamText) || !Uri.TryCreate(upstreamText, UriKind.Absolute, out upstream)))
        {
            s.Errors.Add(s.ChildPath("upstream"), null, $"'{upstreamText}' {HttpUrl.NotOne}");
        }
        else if (upstream is not null && (upstream.Query.Length > 0 || upstream.Fragment.Length > 0))
        {
            s.Errors.Add(s.ChildPath("upstream"), null, "must not have a query or fragment");
        }

        return upstream;
    }
}
