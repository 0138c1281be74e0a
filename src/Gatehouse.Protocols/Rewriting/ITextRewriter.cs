namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites response text channel by channel, knowing nothing of the API that carries it.</summary>
/// <remarks>
/// The gateway implements it over the masking engine, one streaming redactor per <see cref="TextChannel"/>. One
/// instance serves one response; it is called from one thread at a time.
/// </remarks>
public interface ITextRewriter
{
    /// <summary>Takes the next piece of <paramref name="channel"/>'s text and returns the text safe to release now.</summary>
    /// <returns>The released text; empty while a possible secret is held back.</returns>
    string Push(TextChannel channel, string delta);

    /// <summary>Ends <paramref name="channel"/> and returns the rest of its text.</summary>
    string Flush(TextChannel channel);

    /// <summary>Rewrites a complete text that was not streamed (a non-streamed body or a text seen only whole).</summary>
    string RewriteWhole(TextChannel channel, string text);
}
