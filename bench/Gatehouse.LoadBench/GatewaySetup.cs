namespace Gatehouse.LoadBench;

/// <summary>How one gateway process of a run is set up.</summary>
/// <param name="Name">The row's name in the report, and (letters and digits) its folder.</param>
/// <param name="Layers">How much of Gatehouse is on.</param>
/// <param name="Identity">How the clients identify themselves.</param>
/// <param name="Durability">The value of <c>audit.durability</c>, or null to leave the key out (the default, <c>fsync</c>).</param>
internal sealed record GatewaySetup(string Name, GatewayLayers Layers, GatewayIdentity Identity, string? Durability = null)
{
    /// <summary>Gets the layer-by-layer rows: an API key, the default durability.</summary>
    public static GatewaySetup Layer(GatewayLayers layers) => new(LoadRun.LayerName(layers), layers, GatewayIdentity.ApiKey);

    /// <summary>Gets the row the targets are about: an OIDC token from a trusted issuer, everything on.</summary>
    public static GatewaySetup EverythingOn { get; } = new("Gatehouse: all on, OIDC token", GatewayLayers.Policy, GatewayIdentity.OidcToken);

    /// <summary>Gets the same with <c>audit.durability: process</c>.</summary>
    public static GatewaySetup ProcessDurability { get; } = EverythingOn with { Name = "Gatehouse: all on, OIDC, durability process", Durability = "process" };

    /// <summary>Gets everything on in development mode (<c>serve --dev</c>, its own issuer's token): run only when named.</summary>
    public static GatewaySetup DevMode { get; } = new("Gatehouse: all on, serve --dev token", GatewayLayers.Policy, GatewayIdentity.DevToken);
}
