namespace Gatehouse.Policy;

/// <summary>Says how much of a response policy could hold for review, as known before the response exists.</summary>
/// <remarks>Ordered from the least to the most held; see <see cref="PolicyEvaluator.ResponseHoldScope"/>.</remarks>
public enum ResponseHoldScope
{
    /// <summary>No rule could hold the response: it is released as it streams, never delayed.</summary>
    None = 0,

    /// <summary>Only rules that need a matching tool call could hold it: text flows, and from the first tool-call event on the rest is held.</summary>
    ToolCalls = 1,

    /// <summary>A rule could hold it whatever it contains: the whole response is held.</summary>
    Whole = 2,
}
