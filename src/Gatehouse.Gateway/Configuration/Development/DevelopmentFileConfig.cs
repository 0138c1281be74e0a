namespace Gatehouse.Gateway.Configuration.Development;

/// <summary>The top-level <c>dev</c> key as options: whether the file is for development only.</summary>
/// <remarks>The snapshot keeps it as <see cref="GatehouseConfig.DevelopmentOnly"/>; this record lets it bind and register like any section.</remarks>
internal sealed record DevelopmentFileConfig
{
    /// <summary>Gets a value indicating whether the file says <c>dev: true</c>; the default is false.</summary>
    public bool DevelopmentOnly { get; init; }
}
