using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Gatehouse.Gateway.Agents;

/// <summary>The live tunnels of this gateway replica, by agent name; requests pick among an agent's tunnels round-robin.</summary>
/// <remarks>
/// Tunnels are added only once they answered the hello and removed the moment they close, so a pick is a tunnel that
/// was alive an instant ago; one that dies under an exchange fails that exchange with <c>agent_disconnected</c>.
/// Reads are lock-free over immutable arrays; the rare adds and removes take a lock.
/// </remarks>
internal sealed class AgentTunnels
{
    private readonly ConcurrentDictionary<string, ImmutableArray<AgentTunnel>> _byName = new(StringComparer.Ordinal);
    private readonly Lock _changes = new();
    private uint _next;

    /// <summary>Picks a live tunnel of <paramref name="agent"/>, or null when none is connected.</summary>
    public AgentTunnel? Pick(string agent)
    {
        if (!_byName.TryGetValue(agent, out var tunnels) || tunnels.IsEmpty)
        {
            return null;
        }

        var start = (int)(Interlocked.Increment(ref _next) % (uint)tunnels.Length);
        for (var i = 0; i < tunnels.Length; i++)
        {
            var tunnel = tunnels[(start + i) % tunnels.Length];
            if (!tunnel.IsClosed)
            {
                return tunnel;
            }
        }

        return null;
    }

    /// <summary>Gets every live tunnel, by agent name then age.</summary>
    public IReadOnlyList<AgentTunnel> All =>
        [.. _byName.Values.SelectMany(t => t).Where(t => !t.IsClosed).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Since)];

    public void Add(AgentTunnel tunnel)
    {
        lock (_changes)
        {
            _byName[tunnel.Name] = _byName.GetValueOrDefault(tunnel.Name, []).Add(tunnel);
        }
    }

    public void Remove(AgentTunnel tunnel)
    {
        lock (_changes)
        {
            if (_byName.TryGetValue(tunnel.Name, out var tunnels))
            {
                var left = tunnels.Remove(tunnel);
                if (left.IsEmpty)
                {
                    _byName.TryRemove(tunnel.Name, out _);
                }
                else
                {
                    _byName[tunnel.Name] = left;
                }
            }
        }
    }
}
