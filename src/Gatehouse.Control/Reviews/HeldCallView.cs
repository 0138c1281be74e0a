using System.Text.Encodings.Web;
using System.Text.Json;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.ToolCalls;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// A held tool call as a reviewer reads it: its name, the files it names (found as path rules find them) and, for an
/// edit, a readable diff; otherwise its arguments, indented. The arguments are the audit's, so they are masked.
/// </summary>
internal sealed record HeldCallView(string Name, IReadOnlyList<string> Paths, IReadOnlyList<DiffLine> Diff, string Arguments)
{
    private static readonly string[] PatchKeys = ["patch", "diff", "input"];
    private static readonly string[] OldKeys = ["old_string", "old_str", "old_text", "search"];
    private static readonly string[] NewKeys = ["new_string", "new_str", "new_text", "replace"];
    private static readonly string[] ContentKeys = ["content", "contents", "file_text", "text"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static HeldCallView Of(PolicyToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var paths = ToolCallPaths.Of(call);
        try
        {
            using var document = JsonDocument.Parse(call.Arguments);
            var root = document.RootElement;
            var pretty = JsonSerializer.Serialize(root, Indented);
            return new HeldCallView(call.Name, paths, root.ValueKind == JsonValueKind.Object ? DiffOf(root) : [], pretty);
        }
        catch (JsonException)
        {
            // Arguments that are not JSON still reached the policy as text; show them as text, and as a diff if they are one.
            return new HeldCallView(call.Name, paths, LooksLikePatch(call.Arguments) ? PatchLines(call.Arguments) : [], call.Arguments);
        }
    }

    private static List<DiffLine> DiffOf(JsonElement arguments)
    {
        if (First(arguments, PatchKeys) is { } patch && LooksLikePatch(patch))
        {
            return PatchLines(patch);
        }

        var lines = new List<DiffLine>();
        if (First(arguments, OldKeys) is { } before && First(arguments, NewKeys) is { } after)
        {
            lines.AddRange(Split(before).Select(l => new DiffLine(DiffLineKind.Removed, "-" + l)));
            lines.AddRange(Split(after).Select(l => new DiffLine(DiffLineKind.Added, "+" + l)));
        }
        else if (First(arguments, ContentKeys) is { } content)
        {
            lines.AddRange(Split(content).Select(l => new DiffLine(DiffLineKind.Added, "+" + l)));
        }

        return lines;
    }

    private static bool LooksLikePatch(string text)
        => text.Contains("\n@@", StringComparison.Ordinal) || text.StartsWith("@@", StringComparison.Ordinal)
            || text.Contains("*** Begin Patch", StringComparison.Ordinal) || text.Contains("\n+++ ", StringComparison.Ordinal)
            || text.StartsWith("--- ", StringComparison.Ordinal);

    private static List<DiffLine> PatchLines(string patch) => [.. Split(patch).Select(line => new DiffLine(
        line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("@@", StringComparison.Ordinal) || line.StartsWith("***", StringComparison.Ordinal)
            ? DiffLineKind.Header
            : line.StartsWith('+') ? DiffLineKind.Added : line.StartsWith('-') ? DiffLineKind.Removed : DiffLineKind.Context,
        line))];

    private static string? First(JsonElement arguments, string[] keys)
    {
        foreach (var key in keys)
        {
            if (arguments.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static IEnumerable<string> Split(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
