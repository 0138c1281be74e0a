namespace Gatehouse.Protocols.Streaming;

/// <summary>One normalised piece of a response, independent of the API that produced it.</summary>
/// <param name="Kind">What the piece says.</param>
/// <param name="Choice">The choice it belongs to (OpenAI chat <c>n</c> &gt; 1); 0 elsewhere.</param>
/// <param name="Index">The tool call, content block or output item it belongs to.</param>
/// <param name="Text">The text, argument text, model, reason or error, by <paramref name="Kind"/>.</param>
/// <param name="Id">The tool call id, when the kind carries one.</param>
/// <param name="Name">The tool name, when the kind carries one.</param>
/// <param name="Usage">The token usage, for <see cref="StreamDeltaKind.Usage"/>.</param>
public readonly record struct StreamDelta(
    StreamDeltaKind Kind,
    int Choice = 0,
    int Index = 0,
    string? Text = null,
    string? Id = null,
    string? Name = null,
    TokenUsage? Usage = null)
{
    /// <summary>Creates a delta of <paramref name="kind"/> carrying only <paramref name="text"/>.</summary>
    public static StreamDelta Of(StreamDeltaKind kind, string? text) => new(kind, Text: text);

    /// <summary>Creates an error delta with a message that never quotes content.</summary>
    public static StreamDelta Failure(string message) => new(StreamDeltaKind.Error, Text: message);
}
