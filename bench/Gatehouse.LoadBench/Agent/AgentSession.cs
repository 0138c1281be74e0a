namespace Gatehouse.LoadBench.Agent;

/// <summary>One generated session ready to send: its API, whether it streams, and the request body of every turn.</summary>
internal sealed record AgentSession(AgentApi Api, bool Stream, IReadOnlyList<byte[]> Requests)
{
    /// <summary>
    /// Gets the sessions of the agent-sessions pass: each API, streamed and not (four sessions, each its own seed), and
    /// the bytes of their distinct content: the system prompt once, each tool and message once per wire format, and
    /// each canned answer once.
    /// </summary>
    public static (IReadOnlyList<AgentSession> Sessions, long DistinctBytes) Create(ChatPayloads payloads)
    {
        var sessions = new List<AgentSession>();
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var api in Enum.GetValues<AgentApi>())
        {
            foreach (var stream in new[] { false, true })
            {
                var conversation = AgentConversation.Generate(index++);
                var requests = Enumerable.Range(0, AgentConversation.Turns).Select(t => AgentWire.Request(conversation, t, api, stream)).ToList();
                foreach (var part in AgentWire.Parts(conversation, AgentConversation.Turns - 1, api))
                {
                    distinct.TryAdd(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(part)), part.Length);
                }

                sessions.Add(new AgentSession(api, stream, requests));
            }
        }

        var answers = payloads.Completion.Length + payloads.StreamChunks.Sum(c => c.Length) +
            payloads.Anthropic.Message.Length + payloads.Anthropic.Events.Sum(e => e.Length);
        return (sessions, distinct.Values.Sum(v => (long)v) + answers);
    }
}
