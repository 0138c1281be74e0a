namespace Gatehouse.Gateway.Secrets;

/// <summary>A key file the gateway must not use: others may read or change it. Its message names the file and the fix, never the key.</summary>
/// <remarks>An exception rather than a result: it stops the start-up, which is what the operator must act on.</remarks>
public sealed class KeyFileException : IOException
{
    /// <summary>Initializes a new instance with the reason and the fix.</summary>
    public KeyFileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    public KeyFileException()
    {
    }

    /// <summary>Initializes a new instance with an inner exception.</summary>
    public KeyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
