using System.Globalization;
using System.Text.Json;
using Gatehouse.Policy.Context;

namespace Gatehouse.Policy.Checking;

/// <summary>Reads the sample-request JSON of <c>gatehouse policy test</c> (format in docs/policy.md) into a context.</summary>
internal sealed class SampleRequestReader
{
    private static readonly HashSet<string> Keys =
    [
        "user", "email", "groups", "issuer", "api_key", "method", "connection", "api", "model", "direction", "path",
        "prompt", "prompt_chars", "client_address", "time", "grants", "findings", "tool_calls",
    ];

    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public PolicyContext? Read(string json, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            _errors.Add($"sample is not valid JSON: {exception.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                _errors.Add("sample must be a JSON object");
                return null;
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!Keys.Contains(property.Name))
                {
                    _errors.Add($"unknown sample field '{property.Name}'");
                }
            }

            var context = Build(root, now);
            return _errors.Count == 0 ? context : null;
        }
    }

    private PolicyContext Build(JsonElement root, DateTimeOffset now)
    {
        var prompt = Text(root, "prompt");
        return new PolicyContext
        {
            Identity = new PolicyIdentity
            {
                Subject = Text(root, "user"),
                Email = Text(root, "email"),
                Groups = Texts(root, "groups"),
                Issuer = Text(root, "issuer"),
                KeyName = Text(root, "api_key"),
                Method = root.TryGetProperty("method", out _) ? Text(root, "method")
                    : root.TryGetProperty("api_key", out _) ? "api_key" : "oidc",
            },
            Connection = Text(root, "connection"),
            Api = Enum(root, "api", PolicyApi.Chat, PolicyNames.TryParseApi),
            Model = Text(root, "model"),
            Direction = Enum(root, "direction", PolicyDirection.Request, PolicyNames.TryParseDirection),
            Path = Text(root, "path"),
            PromptChars = root.TryGetProperty("prompt_chars", out var chars) && chars.TryGetInt64(out var count) ? count : prompt.Length,
            ClientAddress = Text(root, "client_address"),
            Time = Time(root, now),
            Grants = Texts(root, "grants"),
            Findings = Findings(root),
            ToolCalls = ToolCalls(root),
        };
    }

    private string Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return "";
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() ?? "";
        }

        _errors.Add($"sample field '{name}' must be a string");
        return "";
    }

    private List<string> Texts(JsonElement root, string name)
    {
        var list = new List<string>();
        if (!root.TryGetProperty(name, out var value))
        {
            return list;
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            list.AddRange(value.EnumerateArray().Select(e => e.GetString() ?? ""));
        }
        else
        {
            _errors.Add($"sample field '{name}' must be a list of strings");
        }

        return list;
    }

    private delegate bool Parser<T>(string text, out T value);

    private T Enum<T>(JsonElement root, string name, T fallback, Parser<T> parse)
    {
        var text = Text(root, name);
        if (text.Length == 0)
        {
            return fallback;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        _errors.Add($"sample field '{name}' has an unknown value '{text}'");
        return fallback;
    }

    private DateTimeOffset Time(JsonElement root, DateTimeOffset now)
    {
        var text = Text(root, "time");
        if (text.Length == 0)
        {
            return now;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        _errors.Add("sample field 'time' must be an ISO 8601 timestamp");
        return now;
    }

    private List<PolicyFinding> Findings(JsonElement root)
    {
        var findings = new List<PolicyFinding>();
        foreach (var item in Objects(root, "findings"))
        {
            findings.Add(new PolicyFinding(
                Text(item, "rule"),
                Text(item, "category"),
                Enum(item, "direction", PolicyDirection.Request, PolicyNames.TryParseDirection)));
        }

        return findings;
    }

    private List<PolicyToolCall> ToolCalls(JsonElement root)
    {
        var calls = new List<PolicyToolCall>();
        foreach (var item in Objects(root, "tool_calls"))
        {
            // Arguments may be given as an object for readability or as the JSON string a model actually sends.
            var arguments = item.TryGetProperty("arguments", out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()
                : "";
            calls.Add(new PolicyToolCall(Text(item, "name"), arguments));
        }

        return calls;
    }

    private List<JsonElement> Objects(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object))
        {
            return [.. value.EnumerateArray()];
        }

        _errors.Add($"sample field '{name}' must be a list of objects");
        return [];
    }
}
