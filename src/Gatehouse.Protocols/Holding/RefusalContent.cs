namespace Gatehouse.Protocols.Holding;

/// <summary>What a refusal says and carries: the assistant's text, an id for the synthetic message, the model, the time.</summary>
/// <param name="Text">The assistant text explaining why the response was not delivered.</param>
/// <param name="Id">A unique suffix for the ids of the synthetic message (for example the approval id).</param>
/// <param name="Model">The model to name; the one that answered when known.</param>
/// <param name="CreatedAt">When the refusal was written.</param>
public sealed record RefusalContent(string Text, string Id, string Model, DateTimeOffset CreatedAt);
