namespace Gatehouse.Protocols;

/// <summary>One prompt message flattened to text: its role and the concatenated text of its parts.</summary>
/// <param name="Role">The message role (<c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c>, ...).</param>
/// <param name="Text">
/// The message text: text parts, tool results and tool calls joined with new lines, a tool call written as its name,
/// a space and its argument JSON so that policy and masking see both. Images, audio and files are left out.
/// </param>
public sealed record PromptMessage(string Role, string Text);
