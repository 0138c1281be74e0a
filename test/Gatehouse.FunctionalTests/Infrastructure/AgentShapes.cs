using System.Globalization;
using System.Text;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>What a terminal coding agent sends: a long system prompt, tool definitions with JSON schemas, and user turns.</summary>
internal static class AgentShapes
{
    private static readonly string[] Verbs = ["read", "edit", "search", "run", "list", "diff", "test", "format", "review", "explain"];

    private static readonly string[] Nouns = ["file", "module", "symbol", "branch", "commit", "package", "fixture", "schema", "handler", "config"];

    /// <summary>About 40 KB of numbered instructions, each line different, as an agent's system prompt is.</summary>
    public static string SystemPrompt()
    {
        var text = new StringBuilder("You are a coding agent working in the user's repository. Follow these rules.\n");
        for (var i = 1; text.Length < 40_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i}. Before you {Verbs[i % Verbs.Length]} a {Nouns[i * 7 % Nouns.Length]}, ")
                .Append(CultureInfo.InvariantCulture, $"check rule {i * 13 % 997} of section {i % 17} and say which {Nouns[i * 3 % Nouns.Length]} you touched.\n");
        }

        return text.ToString();
    }

    /// <summary>Seventeen function tools with JSON-schema parameters.</summary>
    public static IEnumerable<ChatTool> Tools() => Enumerable.Range(0, 17).Select(i => ChatTool.CreateFunctionTool(
        $"{Verbs[i % Verbs.Length]}_{Nouns[i * 3 % Nouns.Length]}_{i}",
        $"Tool {i}: {Verbs[i % Verbs.Length]} a {Nouns[i * 3 % Nouns.Length]} in the workspace and return the result as text.",
        BinaryData.FromString($$$"""
            {"type":"object","properties":{"path":{"type":"string","description":"workspace-relative path"},
             "line":{"type":"integer","minimum":1},"pattern{{{i}}}":{"type":"string"},"dry_run":{"type":"boolean"}},
             "required":["path"],"additionalProperties":false}
            """)));

    /// <summary>A user turn of a few hundred bytes; <paramref name="phrase"/> and <paramref name="secret"/> go in when given.</summary>
    public static string UserMessage(int turn, string? phrase, string? secret)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Turn {turn}: please {Verbs[turn % Verbs.Length]} the {Nouns[turn % Nouns.Length]} ");
        text.Append(CultureInfo.InvariantCulture, $"under src/feature{turn}/ and keep the tests green. ");
        if (phrase is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Then {phrase} before the release. ");
        }

        if (secret is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"The deploy script uses the key {secret} for now. ");
        }

        return text.Append(string.Concat(Enumerable.Repeat($"Context line {turn}. ", 20))).ToString();
    }
}
