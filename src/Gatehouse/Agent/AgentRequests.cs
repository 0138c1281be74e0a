using Gatehouse.Audit.Records;
using Gatehouse.Audit.Versioning;
using Gatehouse.Gateway.Agents;
using Gatehouse.Gateway.Agents.Config;
using Gatehouse.Gateway.Problems;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Agent;

/// <summary>
/// What the agent answers on its tunnels: its hello, and each request for <c>/{upstream}/{**path}</c> forwarded to the
/// upstream of that key in its own file, and to nothing else.
/// </summary>
/// <remarks>
/// A key not in the file is refused with 404 <c>unknown_upstream</c>: a compromised or misconfigured gateway cannot
/// make the agent reach an address of its choosing. The response streams back as the upstream sends it.
/// </remarks>
internal sealed class AgentRequests
{
    private readonly AgentConfig _config;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _client;
    private readonly Dictionary<string, (string Prefix, AgentTransformer Transformer)> _targets;
    private readonly ForwarderRequestConfig _requestConfig = new() { ActivityTimeout = TimeSpan.FromHours(2) };
    private readonly ILogger<AgentRequests> _logger;

    public AgentRequests(AgentOptions options, IHttpForwarder forwarder, ILogger<AgentRequests> logger)
    {
        _config = options.Config;
        _forwarder = forwarder;
        _logger = logger;
        _client = Gatehouse.Gateway.Forwarding.UpstreamClientFactory.Create();
        _targets = _config.Upstreams.Values.ToDictionary(u => u.Key, u => (u.Url.AbsoluteUri.TrimEnd('/'), new AgentTransformer(u)), StringComparer.Ordinal);
    }

    public IResult Hello() =>
        Results.Json(new AgentHello(GatehouseVersion.Current.Version, [.. _config.Upstreams.Keys.Order(StringComparer.Ordinal)]), AgentJsonContext.Default.AgentHello);

    public async Task ForwardAsync(HttpContext context)
    {
        var key = context.GetRouteValue("upstream") as string ?? "";
        if (!_targets.TryGetValue(key, out var target))
        {
            Log.UnknownUpstream(_logger, key.Length <= 64 ? key : key[..64]);
            await ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(ExchangeFailureCode.UnknownUpstream.ToName(), "Unknown agent upstream", StatusCodes.Status404NotFound,
                $"The agent has no upstream named '{key}', so it refused the request. It may reach only: {string.Join(", ", _targets.Keys.Order(StringComparer.Ordinal))}. "
                + "Add the upstream to the agent's file, or correct the connection's 'upstream' in the gateway's configuration."), context.RequestAborted);
            return;
        }

        var error = await _forwarder.SendAsync(context, target.Prefix, _client, _requestConfig, target.Transformer);
        if (error != ForwarderError.None)
        {
            Log.ForwardFailed(_logger, key, error.ToString());
            if (!context.Response.HasStarted)
            {
                await ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(ExchangeFailureCode.UpstreamUnreachable.ToName(), "Upstream error", StatusCodes.Status502BadGateway,
                    $"The agent could not reach its upstream '{key}' ({error}). Check that the agent's host can reach it."), context.RequestAborted);
            }
        }
    }
}
