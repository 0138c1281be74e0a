namespace Gatehouse.Gateway.Agents;

/// <summary>
/// The upstream client of a connection with <c>via:</c>: sends each request through a live tunnel of that agent.
/// </summary>
/// <remarks>
/// With no live tunnel the request fails with <see cref="AgentUnavailableException"/>, which the data path turns into
/// 503 <c>agent_unavailable</c> and an audited outcome; nothing is sent anywhere else.
/// </remarks>
internal sealed class AgentTunnelHandler(AgentTunnels tunnels, string agent) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => tunnels.Pick(agent) is { } tunnel
            ? tunnel.SendAsync(request, cancellationToken)
            : Task.FromException<HttpResponseMessage>(new AgentUnavailableException(agent));
}
