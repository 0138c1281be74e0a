using System.Globalization;

namespace Gatehouse.LoadBench.Agent;

/// <summary>
/// <c>Gatehouse.LoadBench agent-sample FOLDER</c>: writes the agent sessions' requests to files (one per session and
/// turn) and prints their sizes, to read what the benchmark sends or replay it with another tool.
/// </summary>
internal static class AgentSample
{
    public static int Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var (sessions, distinct) = AgentSession.Create(ChatPayloads.Create(1024));
        var conversation = AgentConversation.Generate(0);
        var tools = AgentWire.Parts(conversation, 0, AgentApi.OpenAIChat).Skip(1).Take(conversation.Tools.Count).Sum(p => p.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"system prompt {conversation.System.Length:N0} bytes, {conversation.Tools.Count} tools {tools:N0} bytes (OpenAI shape), distinct content of all sessions {distinct:N0} bytes"));
        for (var s = 0; s < sessions.Count; s++)
        {
            var session = sessions[s];
            for (var turn = 0; turn < session.Requests.Count; turn++)
            {
                File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"session{s}-{session.Api}-{(session.Stream ? "stream" : "json")}-turn{turn:00}.json")), session.Requests[turn]);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"session {s} ({session.Api}, {(session.Stream ? "streamed" : "not streamed")}): first request {session.Requests[0].Length:N0} bytes, last {session.Requests[^1].Length:N0} bytes, all turns {session.Requests.Sum(r => (long)r.Length):N0} bytes"));
        }

        return 0;
    }
}
