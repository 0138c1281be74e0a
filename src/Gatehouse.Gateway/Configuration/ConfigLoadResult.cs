using System.Text;
using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Configuration;

/// <summary>A validated configuration, or every error that stopped it.</summary>
public sealed record ConfigLoadResult(GatehouseConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Gets a value indicating whether the configuration is valid.</summary>
    public bool Success => Config is not null;

    /// <summary>Formats the errors for a person: a count, then one line each with its YAML path.</summary>
    public string FormatErrors()
    {
        var text = new StringBuilder();
        text.Append("gatehouse: configuration has ").Append(Errors.Count).Append(Errors.Count == 1 ? " error" : " errors").Append('\n');
        foreach (var error in Errors)
        {
            text.Append("  ").Append(error).Append('\n');
        }

        return text.ToString();
    }
}
