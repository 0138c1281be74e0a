using System.Text.Json;
using static Gatehouse.Protocols.Requests.RequestFields;

namespace Gatehouse.Protocols.Requests;

/// <summary>Reads the names of the tools a request offers, each API naming its tools its own way.</summary>
internal static class ToolNames
{
    /// <summary>Returns the name <c>nameOf(tool, path)</c> finds in each object of <c>tools</c>, skipping nulls.</summary>
    public static List<string> Read(JsonElement root, Func<JsonElement, string, string?> nameOf)
    {
        var names = new List<string>();
        var position = 0;
        foreach (var tool in OptionalArray(root, "tools", ""))
        {
            var path = $"tools[{position++}]";
            if (nameOf(Object(tool, path), path) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
