namespace Gatehouse.Policy;

/// <summary>The spellings policy files and CEL use for enum values, in one place.</summary>
internal static class PolicyNames
{
    public static string Api(PolicyApi api) => api switch
    {
        PolicyApi.Chat => "chat",
        PolicyApi.Responses => "responses",
        PolicyApi.Messages => "messages",
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

    public static bool TryParseApi(string text, out PolicyApi api)
    {
        foreach (var candidate in Enum.GetValues<PolicyApi>())
        {
            if (Api(candidate) == text)
            {
                api = candidate;
                return true;
            }
        }

        api = default;
        return false;
    }

    public static bool TryParseDirection(string text, out PolicyDirection direction)
    {
        direction = text == "response" ? PolicyDirection.Response : PolicyDirection.Request;
        return text is "request" or "response";
    }

    public static bool TryParseEffect(string text, out PolicyEffect effect)
    {
        foreach (var candidate in Enum.GetValues<PolicyEffect>())
        {
            if (Effect(candidate) == text)
            {
                effect = candidate;
                return true;
            }
        }

        effect = default;
        return false;
    }
}
