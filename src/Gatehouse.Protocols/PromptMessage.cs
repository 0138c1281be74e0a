namespace Gatehouse.Protocols;

/// <summary>One prompt message flattened to text: its role and the concatenated text of its parts.</summary>
/// <param name="Role">The message role (<c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c>, ...).</param>
/// <param name="Text">The message text; tool results and text parts are joined with new lines.</param>
public sealed record PromptMessage(string Role, string Text);
