namespace Gatehouse.Policy;

/// <summary>The spellings policy files and CEL use for enum values, in one place.</summary>
internal static class PolicyNames
{
    public static string Api(PolicyApi api) => api switch
    {
        PolicyApi.Chat => "chat",
        PolicyApi.Responses => "responses",
        PolicyApi.Messages => "messages",
        PolicyApi.Completions => "completions",
        PolicyApi.Mcp => "mcp",
        _ => "http",
    };

    public static string Direction(PolicyDirection direction) =>
        direction == PolicyDirection.Request ? "request" : "response";

    public static string Effect(PolicyEffect effect) => effect switch
    {
        PolicyEffect.Allow => "allow",
        PolicyEffect.RequireApproval => "require_approval",
        _ => "deny",
    };

    public static bool TryParseApi(string text, out PolicyApi api) => TryParse(text, Api, out api);

    public static bool TryParseDirection(string text, out PolicyDirection direction)
    {
        direction = text == "response" ? PolicyDirection.Response : PolicyDirection.Request;
        return text is "request" or "response";
    }

    public static bool TryParseEffect(string text, out PolicyEffect effect) => TryParse(text, Effect, out effect);

    private static bool TryParse<T>(string text, Func<T, string> name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (name(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
