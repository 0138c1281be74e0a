namespace Gatehouse.Protocols.Rewriting;

/// <summary>A rewriter that changes nothing and holds nothing back.</summary>
public sealed class IdentityTextRewriter : ITextRewriter
{
    /// <summary>Gets the shared instance; it is stateless.</summary>
    public static IdentityTextRewriter Instance { get; } = new();

    /// <inheritdoc/>
    public string Push(TextChannel channel, string delta) => delta;

    /// <inheritdoc/>
    public string Flush(TextChannel channel) => "";

    /// <inheritdoc/>
    public string RewriteWhole(TextChannel channel, string text) => text;
}
