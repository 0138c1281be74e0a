using System.Text;

namespace Gatehouse.Protocols.Tests.Responses;

/// <summary>Builds event-stream bodies from (event, data) pairs.</summary>
internal static class SseText
{
    public static string Build(params (string? Event, string Data)[] events)
    {
        var text = new StringBuilder();
        foreach (var (name, data) in events)
        {
            if (name is not null)
            {
                text.Append("event: ").Append(name).Append('\n');
            }

            text.Append("data: ").Append(data).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>Builds an Anthropic or Responses stream, whose event names repeat the data's <c>type</c>.</summary>
    public static string Typed(params string[] data)
        => Build(data.Select(d => ((string?)TypeOf(d), d)).ToArray());

    private static string TypeOf(string data)
    {
        using var document = System.Text.Json.JsonDocument.Parse(data);
        return document.RootElement.GetProperty("type").GetString()!;
    }
}
