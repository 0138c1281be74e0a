namespace Gatehouse.Protocols.Rewriting;

/// <summary>Identifies one independent text stream inside a response.</summary>
/// <remarks>
/// Text of one channel arrives in order and is contiguous; different channels interleave freely, so a rewriter keeps
/// one state (one redactor) per channel.
/// </remarks>
/// <param name="Kind">What the text is.</param>
/// <param name="Choice">The choice (OpenAI chat with <c>n</c> &gt; 1); 0 elsewhere.</param>
/// <param name="Index">The tool call (OpenAI chat), output item (OpenAI Responses) or content block (Anthropic).</param>
/// <param name="Part">
/// The content part or summary part inside an OpenAI Responses output item; 1 for an OpenAI chat choice's refusal (its
/// content being 0); 0 elsewhere.
/// </param>
public readonly record struct TextChannel(TextChannelKind Kind, int Choice = 0, int Index = 0, int Part = 0);
