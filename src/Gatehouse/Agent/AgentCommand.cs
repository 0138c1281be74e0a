using System.CommandLine;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Cli;
using Gatehouse.Gateway.Agents;
using Gatehouse.Gateway.Agents.Config;
using Gatehouse.Gateway.Identity.ApiKeys;

namespace Gatehouse.Agent;

/// <summary><c>gatehouse agent</c>: runs the network-resident agent that carries the gateway's traffic to internal upstreams.</summary>
internal static class AgentCommand
{
    private const string Codes = "Exit codes: 0 stopped; 1 the gateway refused the enrollment token or the client certificate; 2 invalid command line or file.";

    public static Command Create()
    {
        var gateway = new Option<string[]>("--gateway")
        {
            Description = "A gateway's base URL, such as https://gw.example.com. The agent dials out to it; the gateway never connects in. "
                + "Give it once per gateway replica (each replica's own address, not the load balancer's): the agent keeps one tunnel "
                + "to each, reconnecting each on its own. Plain http is accepted only for a loopback address.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "URL",
        };
        var tokenFile = new Option<FileInfo>("--token-file")
        {
            Description = "A file holding the enrollment token from 'gatehouse agents create' (readable by the agent's user alone).",
            Required = true,
            HelpName = "FILE",
        };
        var config = new Option<FileInfo>("--config", "-c")
        {
            Description = "The agent's YAML file: 'upstreams', the only endpoints it may reach, by key (see docs/agent.md).",
            Required = true,
            HelpName = "FILE",
        };
        var caFile = new Option<FileInfo?>("--ca-file")
        {
            Description = "PEM certificates to trust for the gateway's TLS certificate besides the system's (a private CA).",
            HelpName = "FILE",
        };
        var clientCertificate = new Option<FileInfo?>("--client-certificate")
        {
            Description = "A PEM client certificate to present to the gateway (mutual TLS), for gateways with agents.requireClientCertificate. Needs --client-key.",
            HelpName = "FILE",
        };
        var clientKey = new Option<FileInfo?>("--client-key")
        {
            Description = "The PEM private key of --client-certificate (readable by the agent's user alone).",
            HelpName = "FILE",
        };
        var command = new Command("agent",
            "Run the agent inside a network that accepts no inbound connections: it keeps one outbound tunnel open to each gateway replica and "
            + "forwards the gateway's requests to the upstreams its file lists, and to nothing else.\n" + Codes)
        {
            gateway, tokenFile, config, caFile, clientCertificate, clientKey,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var problems = new List<string>();
            var options = Validate(parse.GetValue(gateway)!, parse.GetValue(tokenFile)!, parse.GetValue(config)!, parse.GetValue(caFile), problems);
            var certificate = AgentClientCertificate.Load(parse.GetValue(clientCertificate), parse.GetValue(clientKey), options?.ConnectUris, problems);
            options = problems.Count > 0 ? null : options! with { ClientCertificate = certificate };
            if (options is null)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync($"gatehouse agent: {problem}");
                }

                return ExitCodes.Usage;
            }

            await using var app = AgentHost.Build(options);
            await app.RunAsync(cancellationToken);
            return app.Services.GetRequiredService<TunnelDialer>().ExitCode;
        });
        return command;
    }

    /// <summary>Validates everything the agent needs; null after adding every problem found (never quoting the token).</summary>
    internal static AgentOptions? Validate(IReadOnlyList<string> gateways, FileInfo tokenFile, FileInfo configFile, FileInfo? caFile, List<string> problems)
    {
        var connects = new List<Uri>();
        foreach (var gateway in gateways)
        {
            if (ConnectUri(gateway, problems) is not { } connect)
            {
                continue;
            }

            if (connects.Contains(connect))
            {
                problems.Add($"--gateway: '{gateway}' is given twice; give each gateway replica's address once");
                continue;
            }

            connects.Add(connect);
        }

        string? token = null;
        try
        {
            token = File.ReadAllText(tokenFile.FullName).Trim();
            if (!ApiKeyFormat.TryParse(token, ApiKeyFormat.AgentTokenPrefix, out _, out _))
            {
                problems.Add($"--token-file: '{tokenFile.FullName}' does not hold an agent enrollment token (gat_...); create one with 'gatehouse agents create --name NAME'");
                token = null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"--token-file: cannot read '{tokenFile.FullName}': {ex.GetType().Name}");
        }

        var (agentConfig, errors) = AgentConfigLoader.Load(configFile.FullName, Environment.GetEnvironmentVariables());
        problems.AddRange(errors.Select(e => $"{configFile.Name}: {e}"));

        var trusted = new X509Certificate2Collection();
        if (caFile is not null)
        {
            try
            {
                trusted.ImportFromPemFile(caFile.FullName);
                if (trusted.Count == 0)
                {
                    problems.Add($"--ca-file: '{caFile.FullName}' holds no PEM certificate");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                problems.Add($"--ca-file: cannot read '{caFile.FullName}': {ex.Message}");
            }
        }

        return problems.Count > 0 || connects.Count == 0 || token is null || agentConfig is null
            ? null
            : new AgentOptions { ConnectUris = connects, Token = token, Config = agentConfig, TrustedCertificates = trusted };
    }

    // The WebSocket URL of one --gateway, or null after adding why it is not usable.
    private static Uri? ConnectUri(string gateway, List<string> problems)
    {
        if (!Uri.TryCreate(gateway, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https") || baseUri.Host.Length == 0)
        {
            problems.Add($"--gateway: '{gateway}' is not an absolute http(s) URL");
            return null;
        }

        if (baseUri.Scheme == "http" && !IsLoopback(baseUri))
        {
            problems.Add($"--gateway: '{gateway}' is plain http to a host that is not loopback; the tunnel carries prompts and its token, so use https");
            return null;
        }

        var builder = new UriBuilder(baseUri) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws", Query = "", Fragment = "" };
        builder.Path = builder.Path.TrimEnd('/') + AgentProtocol.ConnectPath;
        return builder.Uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
