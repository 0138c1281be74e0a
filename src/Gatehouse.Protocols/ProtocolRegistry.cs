namespace Gatehouse.Protocols;

/// <summary>Chooses the adapter for an exchange from the connection's kind, the method and the path.</summary>
public sealed class ProtocolRegistry
{
    /// <summary>Creates a registry whose assemblers keep at most <paramref name="maxTextChars"/> of response text.</summary>
    public ProtocolRegistry(int maxTextChars = 1_048_576)
    {
        MaxTextChars = maxTextChars;
    }

    /// <summary>Gets the most response text an assembler keeps; the default is 1,048,576 characters.</summary>
    public int MaxTextChars { get; }

    /// <summary>
    /// Returns the adapter for <paramref name="path"/> (the part after <c>/{connection}/</c>, no query) on a
    /// connection of <paramref name="connectionKind"/> (<c>openai</c>, <c>anthropic</c> or <c>http</c>), or null
    /// when the exchange is opaque HTTP.
    /// </summary>
    public IProtocolAdapter? Resolve(string connectionKind, string method, string path)
        => throw new NotImplementedException("protocol adapters are being written");
}
