namespace Gatehouse.Protocols.Streaming;

/// <summary>What one normalised piece of a response says.</summary>
public enum StreamDeltaKind
{
    /// <summary>An event the reader does not recognise (an API change or a foreign stream).</summary>
    Unknown,

    /// <summary>The model that answers (<see cref="StreamDelta.Text"/>).</summary>
    Model,

    /// <summary>Response text to append (<see cref="StreamDelta.Text"/>).</summary>
    TextDelta,

    /// <summary>Reasoning or thinking text to append (<see cref="StreamDelta.Text"/>).</summary>
    ReasoningDelta,

    /// <summary>A tool call begins, or its id or name arrives (<see cref="StreamDelta.Id"/>, <see cref="StreamDelta.Name"/>).</summary>
    ToolCallStarted,

    /// <summary>Tool-call argument text to append (<see cref="StreamDelta.Text"/>).</summary>
    ToolArgumentsDelta,

    /// <summary>A tool call's complete argument text, replacing what the deltas built (<see cref="StreamDelta.Text"/>).</summary>
    ToolArgumentsDone,

    /// <summary>Token usage; absent counts leave earlier ones in place (<see cref="StreamDelta.Usage"/>).</summary>
    Usage,

    /// <summary>The finish or stop reason (<see cref="StreamDelta.Text"/>).</summary>
    FinishReason,

    /// <summary>The API's final event: the response is whole.</summary>
    Completed,

    /// <summary>The response cannot be understood or reports a failure (<see cref="StreamDelta.Text"/> says why, never quoting content).</summary>
    Error,
}
