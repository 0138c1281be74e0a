using System.Net;

namespace Gatehouse.Agent.Tunnel;

/// <summary>The agent's one Kestrel endpoint: not an address, the tunnels the agent dialled out to the gateway.</summary>
internal sealed class TunnelEndPoint : EndPoint
{
    public override string ToString() => "gatehouse-tunnel";
}
