namespace Gatehouse.Gateway.Configuration;

/// <summary>Signed checkpoints of the audit log's Merkle tree, emitted by the gateway as it runs.</summary>
public sealed record CheckpointConfig
{
    /// <summary>
    /// Gets the ECDSA P-256 private key file (PEM) that signs checkpoints (<c>key: PATH</c> or <c>key: { file: PATH }</c>);
    /// make one with <c>gatehouse audit keygen</c>. Empty when the key comes from <see cref="KeyPem"/>.
    /// </summary>
    public string KeyFile { get; init; } = "";

    /// <summary>Gets the private key's PEM text when it comes from an environment variable (<c>key: { env: VAR }</c>); null otherwise.</summary>
    public string? KeyPem { get; init; }

    /// <summary>Gets where the key comes from, safe to show: <c>file:PATH</c> or <c>env:NAME</c>.</summary>
    public string KeySource => KeyPem is null ? $"file:{KeyFile}" : KeyEnv is null ? "env" : $"env:{KeyEnv}";

    /// <summary>Gets the environment variable the key was read from, when it was.</summary>
    public string? KeyEnv { get; init; }

    /// <summary>Gets the longest time between checkpoints while entries are added; the default is 60 seconds.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the most entries between checkpoints; the default is 10,000.</summary>
    public long Entries { get; init; } = 10_000;

    /// <summary>Gets a folder each checkpoint is also written to (for WORM storage); the default is none.</summary>
    public string? Directory { get; init; }

    /// <summary>Reads the private key's PEM text: from the environment variable it was given in, or from its file.</summary>
    public string ReadKeyPem() => KeyPem ?? File.ReadAllText(KeyFile);

    // The PEM is a private key: the record's text never shows it.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("KeySource = ").Append(KeySource).Append(", Interval = ").Append(Interval)
            .Append(", Entries = ").Append(Entries).Append(", Directory = ").Append(Directory);
        return true;
    }
}
