using System.Globalization;
using System.Text;

namespace Gatehouse.LoadBench.Agent;

/// <summary>
/// A terminal coding agent's session, generated from a seed: the agent's system prompt (about 40 KB) and tool list (17
/// tools with JSON schemas, about 8 KB), shared by every session of the agent, then turns that each resend everything so
/// far plus what happened since: the user's first request, then per turn the assistant's text with a tool call and
/// that tool's result (0.5 to 20 KB: a file read, build output, a search), and now and then more text from the user.
/// The first request is about 49 KB, as a real agent's is; the twentieth about 300 KB.
/// </summary>
internal sealed class AgentConversation
{
    /// <summary>The turns of one session.</summary>
    public const int Turns = 20;

    private static readonly string[] ToolNames =
    [
        "read_file", "write_file", "edit_file", "list_directory", "glob", "grep", "run_shell", "run_tests", "git_status",
        "git_diff", "git_commit", "web_fetch", "web_search", "todo_write", "ask_user", "create_task", "view_image",
    ];

    private AgentConversation(string system, IReadOnlyList<AgentTool> tools, IReadOnlyList<IReadOnlyList<AgentMessage>> turns)
    {
        System = system;
        Tools = tools;
        TurnMessages = turns;
    }

    public string System { get; }

    public IReadOnlyList<AgentTool> Tools { get; }

    /// <summary>Gets the messages each turn adds; the request of turn <c>t</c> carries those of turns 0 to <c>t</c>.</summary>
    public IReadOnlyList<IReadOnlyList<AgentMessage>> TurnMessages { get; }

    /// <summary>Returns the messages the request of <paramref name="turn"/> (0-based) carries.</summary>
    public IEnumerable<AgentMessage> MessagesUpTo(int turn) => TurnMessages.Take(turn + 1).SelectMany(m => m);

    /// <summary>Generates session <paramref name="session"/> of the agent; the system prompt and tools depend only on the agent.</summary>
    public static AgentConversation Generate(int session)
    {
        var agent = new AgentText(new SeededRandom(0xA6E47));
        var system = SystemPrompt(agent);
        var tools = ToolNames.Select(name => Tool(agent, name)).ToList();
        var text = new AgentText(new SeededRandom(0x5E5510 + (ulong)session));
        var random = text.Random;
        var turns = new List<IReadOnlyList<AgentMessage>>
        {
            new List<AgentMessage> { new(AgentMessageKind.User, text.Prose(random.Next(700, 1300))) },
        };
        for (var turn = 1; turn < Turns; turn++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"call_{session:x2}{turn:x2}{random.Next(1 << 20):x5}");
            var tool = ToolNames[random.Next(8)];
            var path = text.Path();
            var arguments = tool switch
            {
                "run_shell" or "run_tests" => $$"""{"command":"dotnet test test/Shop.Tests --filter {{path[4..^3].Replace('/', '.')}}","timeout_ms":120000}""",
                "grep" or "glob" => $$"""{"pattern":"{{path[^10..^3]}}","path":"src","include":"*.cs"}""",
                _ => $$"""{"path":"{{path}}"}""",
            };
            var size = random.Next(500, 20_000);
            var result = tool is "run_shell" or "run_tests" or "grep" ? text.BuildOutput(size) : text.Source(size);
            var messages = new List<AgentMessage>();
            if (turn % 4 == 0)
            {
                messages.Add(new AgentMessage(AgentMessageKind.User, text.Prose(random.Next(300, 1500))));
            }

            messages.Add(new AgentMessage(AgentMessageKind.AssistantToolCall, text.Prose(random.Next(200, 1200)), id, tool, arguments));
            messages.Add(new AgentMessage(AgentMessageKind.ToolResult, result, id));
            turns.Add(messages);
        }

        return new AgentConversation(system, tools, turns);
    }

    private static string SystemPrompt(AgentText text)
    {
        var prompt = new StringBuilder(42_000);
        prompt.Append("You are an interactive coding agent working in the user's repository. Follow these instructions exactly.\n\n");
        var section = 0;
        while (prompt.Length < 38_500)
        {
            prompt.Append(CultureInfo.InvariantCulture, $"# Section {++section}\n\n").Append(text.Prose(text.Random.Next(1500, 3500))).Append("\n\n");
            if (section % 3 == 0)
            {
                prompt.Append("Example:\n```csharp\n").Append(text.Source(600)).Append("```\n\n");
            }
        }

        return prompt.ToString();
    }

    private static AgentTool Tool(AgentText text, string name)
    {
        var properties = new StringBuilder();
        var count = text.Random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            properties.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""
                "{{(i == 0 ? "path" : $"option_{i}")}}":{"type":"{{(i % 2 == 0 ? "string" : "integer")}}","description":"{{text.Prose(text.Random.Next(20, 60)).Replace('\n', ' ')}}"}
                """);
        }

        var schema = $$"""{"type":"object","properties":{{{properties}}},"required":["path"],"additionalProperties":false}""";
        return new AgentTool(name, text.Prose(text.Random.Next(60, 160)).Replace('\n', ' '), schema);
    }
}
