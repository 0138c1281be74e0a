namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>One configuration error: the YAML path, where the value came from, and what is wrong with it.</summary>
public sealed record ConfigError(string Path, string? Origin, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var path = Path.Length == 0 ? "(file)" : Path;
        return Origin is null ? $"{path}: {Message}" : $"{path}: {Message} ({Origin})";
    }
}
