namespace Gatehouse.Control.Webhooks;

/// <summary>Builds the addresses of review items from the gateway's public base URL.</summary>
/// <param name="PublicBase">The gateway's public base URL, without a trailing slash.</param>
internal sealed record ReviewLinks(string PublicBase)
{
    /// <summary>Gets the API address and the deciding CLI commands of the item <paramref name="id"/> of <paramref name="kind"/>.</summary>
    public ReviewAddress For(ReviewNoticeKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return new ReviewAddress(
            $"{PublicBase}{kind.ApiPath}{Uri.EscapeDataString(id)}",
            $"gatehouse {kind.Command} approve {id} --url {PublicBase}",
            $"gatehouse {kind.Command} reject {id} --url {PublicBase}");
    }
}
