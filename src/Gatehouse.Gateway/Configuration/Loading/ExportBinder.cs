using System.Collections;
using System.Text.RegularExpressions;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports.File;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>export</c> section: <c>sinks: [ { name, format, includeBodies, batchSize, transport: { type, ... } } ]</c>.</summary>
internal static partial class ExportBinder
{
    public static ExportConfig Bind(SectionReader s, IDictionary environment)
    {
        var sinks = new List<ExportSinkConfig>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in s.Items("sinks"))
        {
            if (BindSink(new SectionReader(item, s.Errors), names, files, environment) is { } sink)
            {
                sinks.Add(sink);
            }
        }

        s.ReportUnknownKeys();
        return new ExportConfig { Sinks = sinks };
    }

    private static ExportSinkConfig? BindSink(SectionReader s, HashSet<string> names, HashSet<string> files, IDictionary environment)
    {
        var name = s.RequiredString("name");
        if (name is not null && !SinkName().IsMatch(name))
        {
            s.Errors.Add(s.ChildPath("name"), null, $"'{name}' must be 1-63 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
        }
        else if (name is not null && !names.Add(name))
        {
            s.Errors.Add(s.ChildPath("name"), null, $"'{name}' is used by another sink");
        }

        var format = Format(s);
        var includeBodies = s.Bool("includeBodies", false);
        var batchSize = (int)s.Long("batchSize", ExportSinkConfig.DefaultBatchSize, 1, 10_000);
        var transport = s.Child("transport") is null ? Missing(s) : BindTransport(s.Section("transport"), files, environment);
        s.ReportUnknownKeys();
        return name is null || transport is null || format is null
            ? null
            : new ExportSinkConfig { Name = name, Format = format.Value, IncludeBodies = includeBodies, BatchSize = batchSize, Transport = transport };
    }

    /// <summary>The one place a transport type is chosen: a new type is one case here and its own config record.</summary>
    private static ExportTransportConfig? BindTransport(SectionReader t, HashSet<string> files, IDictionary environment)
    {
        var type = t.RequiredString("type");
        switch (type)
        {
            case null:
                return null;
            case FileTransportConfig.TypeName:
                return BindFile(t, files);
            case var network when ExportTransportBinder.Types.Contains(network):
                return ExportTransportBinder.Bind(t, network, environment) is { } options ? new NetworkTransportConfig(options) : null;
            default:
                t.Errors.Add(t.ChildPath("type"), null,
                    $"transport type '{type}' is not supported (supported: {FileTransportConfig.TypeName}, {string.Join(", ", ExportTransportBinder.Types)})");
                return null;
        }
    }

    private static FileTransportConfig? BindFile(SectionReader t, HashSet<string> files)
    {
        var defaults = new FileTransportConfig { Path = "" };
        var path = t.RequiredString("path");
        if (path is not null && !files.Add(Path.GetFullPath(path)))
        {
            t.Errors.Add(t.ChildPath("path"), null, $"'{path}' is written by another sink");
        }

        var config = new FileTransportConfig
        {
            Path = path ?? "",
            MaxBytes = t.Long("maxBytes", defaults.MaxBytes, 4096, 1L << 40),
            Keep = (int)t.Long("keep", defaults.Keep, 0, 1000),
        };
        t.ReportUnknownKeys();
        return path is null ? null : config;
    }

    private static ExportFormat? Format(SectionReader s)
    {
        var text = s.String("format") ?? "json";
        switch (text.ToLowerInvariant())
        {
            case "json":
                return ExportFormat.Json;
            case "ocsf":
                return ExportFormat.Ocsf;
            case "cef":
                return ExportFormat.Cef;
            default:
                s.Errors.Add(s.ChildPath("format"), null, $"'{text}' is not json, ocsf or cef");
                return null;
        }
    }

    private static ExportTransportConfig? Missing(SectionReader s)
    {
        s.Errors.Add(s.ChildPath("transport"), null, "required");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex SinkName();
}
