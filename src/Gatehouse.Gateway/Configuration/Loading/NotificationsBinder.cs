using System.Collections;
using System.Text.RegularExpressions;
using Gatehouse.Gateway.Webhooks;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>notifications</c> section: the outgoing webhooks and their secrets.</summary>
internal static partial class NotificationsBinder
{
    public const int MinimumSecretLength = 16;

    public static NotificationsConfig Bind(SectionReader s, IDictionary environment)
    {
        var defaults = new NotificationsConfig();
        var webhooks = new List<WebhookConfig>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in s.Items("webhooks"))
        {
            if (BindWebhook(new SectionReader(item, s.Errors), environment, names) is { } webhook)
            {
                webhooks.Add(webhook);
            }
        }

        var config = new NotificationsConfig
        {
            Webhooks = webhooks,
            QueueCapacity = (int)s.Long("queueCapacity", defaults.QueueCapacity, 1, 1_000_000),
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static WebhookConfig? BindWebhook(SectionReader s, IDictionary environment, HashSet<string> names)
    {
        var defaults = new WebhookConfig { Name = "", Url = new Uri("http://localhost") };
        var name = s.RequiredString("name");
        if (name is not null && !Name().IsMatch(name))
        {
            s.Errors.Add(s.ChildPath("name"), null, $"'{name}' must be 1-63 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
        }
        else if (name is not null && !names.Add(name))
        {
            s.Errors.Add(s.ChildPath("name"), null, $"'{name}' is used by another webhook");
        }

        var url = Url(s, environment);
        var format = Format(s);
        var (secret, secretSource) = Secret(s, environment, format);
        var events = Events(s);
        var config = new WebhookConfig
        {
            Name = name ?? "",
            Url = url ?? defaults.Url,
            Format = format,
            Secret = secret,
            SecretSource = secretSource,
            Events = events,
            Timeout = s.Duration("timeout", defaults.Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)),
            MaxAttempts = (int)s.Long("maxAttempts", defaults.MaxAttempts, 1, 20),
        };
        s.ReportUnknownKeys();
        return name is null || url is null ? null : config;
    }

    /// <summary>Reads <c>url</c>: written out, or from <c>{env|file}</c> because a Slack webhook URL is itself a secret.</summary>
    private static Uri? Url(SectionReader s, IDictionary environment)
    {
        var node = s.Child("url");
        string? text;
        var shown = "the URL";
        if (node?.Mapping is not null)
        {
            var reader = new SectionReader(node, s.Errors);
            text = SecretSource.Read(reader, environment, out var source);
            reader.ReportUnknownKeys();
            shown = $"the URL from {source}";
        }
        else
        {
            text = s.RequiredString("url");
            shown = text is null ? shown : $"'{text}'";
        }

        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            // A URL read from a secret is not quoted back: it may carry a token in its path.
            s.Errors.Add(s.ChildPath("url"), null, $"{shown} is not an absolute http(s) URL");
            return null;
        }

        return uri;
    }

    private static WebhookFormat Format(SectionReader s) =>
        s.Choice("format", ConfigNames.WebhookFormats) ?? WebhookFormat.Json;

    private static (string? Secret, string? Source) Secret(SectionReader s, IDictionary environment, WebhookFormat format)
    {
        if (s.Child("secret") is not { } node)
        {
            if (format == WebhookFormat.Json)
            {
                s.Errors.Add(s.ChildPath("secret"), null, "required for format json: give {env: NAME} or {file: PATH}");
            }

            return (null, null);
        }

        var reader = new SectionReader(node, s.Errors);
        var secret = SecretSource.Read(reader, environment, out var source);
        reader.ReportUnknownKeys();
        if (secret is not null && secret.Length < MinimumSecretLength)
        {
            s.Errors.Add(s.ChildPath("secret"), null, $"the secret from {source} is shorter than {MinimumSecretLength} characters");
            return (null, source);
        }

        return (secret, source);
    }

    private static IReadOnlyList<string> Events(SectionReader s)
    {
        var events = s.StringList("events");
        if (events is null || events.Count == 0)
        {
            s.Errors.Add(s.ChildPath("events"), null, $"required: one or more of {string.Join(", ", WebhookEvents.All)}");
            return [];
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!WebhookEvents.All.Contains(events[i], StringComparer.Ordinal))
            {
                s.Errors.Add(ConfigNode.ItemPath(s.ChildPath("events"), i), null, $"'{events[i]}' is not one of {string.Join(", ", WebhookEvents.All)}");
            }
        }

        return [.. events.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex Name();
}
