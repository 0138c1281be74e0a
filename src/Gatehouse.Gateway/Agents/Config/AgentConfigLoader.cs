using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Agents.Config;

/// <summary>
/// Loads the agent's file, <c>upstreams: {key: URL}</c> or <c>upstreams: {key: {url, credential}}</c>, reporting
/// every error with its YAML path, as the gateway's configuration does.
/// </summary>
internal static class AgentConfigLoader
{
    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static (AgentConfig? Config, IReadOnlyList<ConfigError> Errors) Load(string path, IDictionary environment)
    {
        var errors = new ConfigErrors();
        ConfigNode root;
        try
        {
            using var reader = File.OpenText(path);
            root = YamlConfigReader.Read(reader, errors);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add("", path, $"cannot read the agent's file: {ex.Message}");
            return (null, errors.All);
        }

        var s = new SectionReader(root, errors);
        var upstreams = new Dictionary<string, AgentUpstream>(StringComparer.Ordinal);
        var section = s.Child("upstreams");
        if (section?.Mapping is not { Count: > 0 } entries)
        {
            errors.Add("upstreams", null, "required: a mapping of keys to the URLs the agent may reach, such as 'vllm: http://10.0.0.5:8000'");
        }
        else
        {
            foreach (var (key, node) in entries)
            {
                if (Bind(key, node, environment, errors) is { } upstream)
                {
                    upstreams[key] = upstream;
                }
            }
        }

        s.ReportUnknownKeys();
        return errors.Count == 0 ? (new AgentConfig { Upstreams = upstreams }, []) : (null, errors.All);
    }

    private static AgentUpstream? Bind(string key, ConfigNode node, IDictionary environment, ConfigErrors errors)
    {
        if (!AgentNames.IsValid(key))
        {
            errors.Add(node, $"'{key}' is not a valid upstream key: {AgentNames.Rule}");
            return null;
        }

        string? urlText;
        CredentialConfig? credential = null;
        var urlPath = node.Path;
        if (node.Mapping is not null)
        {
            var s = new SectionReader(node, errors);
            urlText = s.RequiredString("url");
            urlPath = s.ChildPath("url");
            if (s.Child("credential") is { } credentialNode)
            {
                credential = Configuration.Connections.CredentialBinder.Bind(new SectionReader(credentialNode, errors), environment);
            }

            s.ReportUnknownKeys();
        }
        else
        {
            urlText = node.Scalar;
        }

        if (urlText is null)
        {
            errors.Add(urlPath, node.Origin, "required: the upstream's absolute http(s) URL");
            return null;
        }

        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0
            || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            errors.Add(urlPath, node.Origin, $"'{urlText}' is not an absolute http(s) URL without query or fragment");
            return null;
        }

        return new AgentUpstream { Key = key, Url = url, Credential = credential };
    }
}
