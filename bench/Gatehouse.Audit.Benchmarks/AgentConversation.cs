using System.Text;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>
/// A coding agent's conversation as the gateway records it: a ~40 KB system prompt, then turns that each add a user
/// message, and after the first the previous answer and a tool result of 0.5-20 KB; every request resends it all.
/// </summary>
/// <remarks>Deterministic for a seed, so "before" and "after" store the same bytes.</remarks>
internal sealed class AgentConversation
{
    private static readonly string[] Words =
    [
        "function", "return", "async", "await", "the", "file", "test", "build", "diff", "patch", "refactor", "stream",
        "parser", "token", "config", "error", "value", "index", "search", "commit", "branch", "merge", "module", "type",
    ];

    private readonly Seeded _random;

    public AgentConversation(string systemPrompt, int seed)
    {
        SystemPrompt = systemPrompt;
        _random = new Seeded((ulong)seed);
    }

    public string SystemPrompt { get; }

    /// <summary>Makes <paramref name="bytes"/> of ASCII text, words from a coding vocabulary.</summary>
    public static string Text(Seeded random, int bytes)
    {
        var text = new StringBuilder(bytes + 16);
        while (text.Length < bytes)
        {
            text.Append(Words[random.Next(Words.Length)]).Append(random.Next(10) == 0 ? '\n' : ' ');
        }

        return text.ToString(0, bytes);
    }

    /// <summary>Returns, per turn, the prompt pieces (as the gateway cuts them) and the answer.</summary>
    public IEnumerable<(IReadOnlyList<string> Pieces, string Answer)> Turns(int count)
    {
        var pieces = new List<string> { "[system]\n" + SystemPrompt };
        string? previous = null;
        for (var turn = 0; turn < count; turn++)
        {
            if (previous is not null)
            {
                pieces.Add("\n\n[assistant]\n" + previous);
                pieces.Add("\n\n[tool]\n" + Text(_random, _random.Next(512, 20 * 1024)));
            }

            pieces.Add("\n\n[user]\n" + Text(_random, _random.Next(512, 2048)));
            previous = Text(_random, _random.Next(512, 3 * 1024));
            yield return ([.. pieces], previous);
        }
    }
}
