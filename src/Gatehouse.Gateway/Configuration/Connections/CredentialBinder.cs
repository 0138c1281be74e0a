using System.Collections;
using System.Text.RegularExpressions;
using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Configuration.Connections;

/// <summary>Reads an upstream credential (<c>header</c>, <c>prefix</c>, and the value from <c>env</c> or <c>file</c>), for a connection or an agent's upstream.</summary>
internal static partial class CredentialBinder
{
    public static CredentialConfig? Bind(SectionReader s, IDictionary environment)
    {
        var header = s.RequiredString("header");
        var prefix = s.String("prefix") ?? "";
        var value = SecretSource.Read(s, environment, out var source);
        if (header is not null && !HeaderName().IsMatch(header))
        {
            s.Errors.Add(s.ChildPath("header"), null, $"'{header}' is not a valid HTTP header name");
        }

        if (value is not null && (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)))
        {
            s.Errors.Add(s.Path, null, $"the value from {source} contains a line break");
        }

        s.ReportUnknownKeys();
        return header is null || string.IsNullOrEmpty(value) ? null : new CredentialConfig { Header = header, Prefix = prefix, Value = value, Source = source! };
    }

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();
}
