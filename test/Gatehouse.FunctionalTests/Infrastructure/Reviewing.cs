using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>A reviewer's side of the approvals API, and the audit's entry kinds in order, for tests of holds.</summary>
public static class Reviewing
{
    /// <summary>Waits until <paramref name="reviewer"/> sees a pending approval, and returns the newest.</summary>
    public static async Task<JsonElement> WaitForPendingAsync(this GatewayUnderTest gateway, string reviewer, params string[] groups)
    {
        using var client = gateway.Client(gateway.Token(reviewer, groups));
        var pending = await Eventually.ValueAsync(
            async () =>
            {
                var list = await client.GetFromJsonAsync<JsonElement>("api/approvals?state=pending", TestContext.Current.CancellationToken);
                return list.GetArrayLength() > 0 ? new[] { list[0] } : null;
            },
            $"a pending approval that {reviewer} can see");
        return pending[0];
    }

    /// <summary>Approves or rejects (<paramref name="decision"/>) approval <paramref name="id"/> as <paramref name="reviewer"/>.</summary>
    public static Task<HttpResponseMessage> ReviewAsync(this GatewayUnderTest gateway, string reviewer, string[] groups, string id, string decision)
        => gateway.Client(gateway.Token(reviewer, groups)).PostAsJsonAsync(
            $"api/approvals/{id}/{decision}", new { justification = $"{decision} by {reviewer}" }, TestContext.Current.CancellationToken);

    public static async Task<List<string>> EntryKindsAsync(this GatewayUnderTest gateway)
    {
        await using var store = gateway.OpenStore();
        var kinds = new List<string>();
        await foreach (var entry in store.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            kinds.Add(entry.Kind);
        }

        return kinds;
    }
}
