using System.Text;

namespace Gatehouse.Protocols.Tests.Requests;

/// <summary>Parses request JSON through the registry's adapters, as the gateway does.</summary>
internal static class RequestParsing
{
    private static readonly ProtocolRegistry Registry = new();

    public static RequestParseResult Parse(ApiKind api, string json)
        => Registry.Get(api)!.ParseRequest(Encoding.UTF8.GetBytes(json));

    public static ParsedRequest ParseOk(ApiKind api, string json)
    {
        var result = Parse(api, json);
        Assert.True(result.Success, result.Error);
        return result.Request!;
    }
}
