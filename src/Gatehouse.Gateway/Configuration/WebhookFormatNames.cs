namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The one table of the names <see cref="WebhookFormat"/> has wherever it is text: <c>notifications.webhooks[].format</c>
/// in the configuration. Lower-case, matched exactly, as every documented configuration and shipped example writes them.
/// </summary>
internal static class WebhookFormatNames
{
    /// <summary>Gets every name, in the order of <see cref="WebhookFormat"/>: <c>json</c>, <c>slack</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<WebhookFormat>().Select(Name)];

    /// <summary>Returns the name of <paramref name="format"/>: <c>json</c> or <c>slack</c>.</summary>
    public static string Name(WebhookFormat format) => format == WebhookFormat.Slack ? "slack" : "json";

    /// <summary>Reads a name written by <see cref="Name"/>; false for any other text.</summary>
    public static bool TryParse(string? text, out WebhookFormat format)
    {
        format = text == "slack" ? WebhookFormat.Slack : WebhookFormat.Json;
        return text is "json" or "slack";
    }
}
