using System.Text.Json;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>Reads groups from a token payload: a claim that is a string or an array, or a dotted path into an object.</summary>
/// <remarks>
/// A claim whose name itself contains dots (<c>https://example.com/groups</c>, as some IdPs namespace claims) is
/// matched whole before the name is read as a path such as <c>realm_access.roles</c>.
/// </remarks>
internal static class GroupsClaimReader
{
    /// <summary>Returns the distinct string groups at <paramref name="path"/>; empty when absent or of another type.</summary>
    public static IReadOnlyList<string> Read(JsonElement payload, string path)
    {
        if (payload.ValueKind != JsonValueKind.Object || string.IsNullOrEmpty(path))
        {
            return [];
        }

        if (payload.TryGetProperty(path, out var whole))
        {
            return Values(whole);
        }

        var current = payload;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return [];
            }
        }

        return Values(current);
    }

    private static IReadOnlyList<string> Values(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString() is { Length: > 0 } single ? [single] : [];
            case JsonValueKind.Array:
                var groups = new List<string>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } group && !groups.Contains(group))
                    {
                        groups.Add(group);
                    }
                }

                return groups;
            default:
                return [];
        }
    }
}
