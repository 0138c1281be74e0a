using System.Text.Json;
using Gatehouse.Policy.Context;

namespace Gatehouse.Policy.ToolCalls;

/// <summary>A tool call decoded once per evaluation: top-level arguments as text, CEL values, and every file it names.</summary>
internal sealed class InspectedToolCall
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    private InspectedToolCall(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Gets the top-level arguments as text: strings as they are, anything else as its JSON.</summary>
    public Dictionary<string, string> ArgumentText { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the arguments as CEL values (maps, lists, strings, int64, double, bool, null).</summary>
    public Dictionary<string, object?> ArgumentValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the normalised paths named by path arguments at any depth and by patch text in any string.</summary>
    public List<string> Paths { get; } = [];

    public static InspectedToolCall Inspect(PolicyToolCall call, IReadOnlySet<string> pathArguments)
    {
        var inspected = new InspectedToolCall(call.Name);
        if (string.IsNullOrWhiteSpace(call.Arguments))
        {
            return inspected;
        }

        try
        {
            using var document = JsonDocument.Parse(call.Arguments, JsonOptions);
            inspected.Read(document.RootElement, pathArguments);
        }
        catch (JsonException)
        {
            // Arguments that are not JSON still reach the tool; scan the raw text for patch headers so they cannot
            // hide a file from path rules.
            PatchPaths.Extract(call.Arguments, inspected.Paths);
        }

        return inspected;
    }

    private void Read(JsonElement root, IReadOnlySet<string> pathArguments)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            _ = Convert(root, null, pathArguments);
            return;
        }

        foreach (var property in root.EnumerateObject())
        {
            ArgumentText[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString() ?? ""
                : property.Value.GetRawText();
            ArgumentValues[property.Name] = Convert(property.Value, property.Name, pathArguments);
        }
    }

    private object? Convert(JsonElement element, string? key, IReadOnlySet<string> pathArguments)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString() ?? "";
                if (key is not null && pathArguments.Contains(key))
                {
                    Paths.Add(PathNormalizer.Normalize(text));
                }

                PatchPaths.Extract(text, Paths);
                return text;
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Array:
                var list = new List<object?>();
                foreach (var item in element.EnumerateArray())
                {
                    // Elements of a path argument (["a.cs", "b.cs"]) are paths too.
                    list.Add(Convert(item, key, pathArguments));
                }

                return list;
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = Convert(property.Value, property.Name, pathArguments);
                }

                return map;
            default:
                return null;
        }
    }
}
