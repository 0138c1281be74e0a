using System.Text.Json;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>Random response text and tool arguments holding secrets, and random cuts of them into deltas.</summary>
internal static class Pieces
{
    /// <summary>A secret the test engine's custom rule masks.</summary>
    public const string Secret = "acme_0123456789abcdefghijklmnopqrstuv";

    private static readonly string[] Words =
    [
        "Hello", "wörld", "日本語", "🙂", "the key is", Secret, "café", "line\nbreak", "quote \" and \\ slash", "done.", "ok", "€5",
    ];

    public static string Text(SplitMix random)
    {
        var count = 1 + random.Below(8);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => random.Pick(Words)));
    }

    public static string Arguments(SplitMix random)
        => JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["cmd"] = "echo " + (random.Chance(60) ? Secret : "hello"),
                ["path"] = "/tmp/" + random.Pick(Words),
            },
            Raw);

    /// <summary>Cuts <paramref name="text"/> into 1..6 pieces at random char positions (never inside a surrogate pair).</summary>
    public static List<string> Cut(string text, SplitMix random)
    {
        var cuts = Enumerable.Range(0, random.Below(6)).Select(_ => random.Below(text.Length + 1))
            .Where(i => i > 0 && i < text.Length && !char.IsLowSurrogate(text[i])).Distinct().Order().ToList();
        var pieces = new List<string>();
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            pieces.Add(text[start..cut]);
            start = cut;
        }

        return pieces;
    }

    // Raw UTF-8 on the wire, as upstreams send it, so that chunk splits fall inside multi-byte sequences.
    private static readonly JsonSerializerOptions Raw = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(string value) => JsonSerializer.Serialize(value, Raw);
}
