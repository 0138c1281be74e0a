using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Gateway.Routing;

/// <summary>
/// Recognises requests that would turn the connection into a raw stream: an HTTP/1.1 <c>Upgrade</c> (WebSocket and
/// anything else), <c>CONNECT</c>, and HTTP/2 extended CONNECT (WebSocket over HTTP/2).
/// </summary>
/// <remarks>
/// Once upgraded, bytes flow both ways unparsed: no masking, no holds, no audit of content. No adapter reads such a
/// stream (the Realtime API's WebSocket included), so they are refused rather than tunnelled. <c>Upgrade: h2c</c> alone
/// is let through: Kestrel never performs it, and the upgrade headers are not forwarded.
/// </remarks>
internal static class UpgradeGuard
{
    public static bool IsUpgrade(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsConnect(request.Method)
            || context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            || context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true)
        {
            return true;
        }

        var upgrade = request.Headers.Upgrade;
        return upgrade.Count > 0 && !(upgrade.Count == 1 && string.Equals(upgrade[0]?.Trim(), "h2c", StringComparison.OrdinalIgnoreCase));
    }
}
