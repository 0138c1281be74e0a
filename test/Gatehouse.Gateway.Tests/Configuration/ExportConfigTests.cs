using System.Collections;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports.File;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class ExportConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-export-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_FileSink_BindsEveryKey()
    {
        var result = Load("""
            export:
              sinks:
                - name: siem
                  format: ocsf
                  includeBodies: true
                  batchSize: 200
                  transport: { type: file, path: /var/log/gatehouse/audit.jsonl, maxBytes: 1048576, keep: 3 }
            """);

        Assert.True(result.Success, result.FormatErrors());
        var sink = Assert.Single(result.Config!.Export.Sinks);
        Assert.Equal("siem", sink.Name);
        Assert.Equal(ExportFormat.Ocsf, sink.Format);
        Assert.True(sink.IncludeBodies);
        Assert.Equal(200, sink.BatchSize);
        var file = Assert.IsType<FileTransportConfig>(sink.Transport);
        Assert.Equal("/var/log/gatehouse/audit.jsonl", file.Path);
        Assert.Equal(1_048_576, file.MaxBytes);
        Assert.Equal(3, file.Keep);
    }

    [Fact]
    public void Load_Defaults_AreJsonWithoutBodies()
    {
        var result = Load("export:\n  sinks:\n    - name: f\n      transport: { type: file, path: a.jsonl }\n");

        Assert.True(result.Success, result.FormatErrors());
        var sink = Assert.Single(result.Config!.Export.Sinks);
        Assert.Equal(ExportFormat.Json, sink.Format);
        Assert.False(sink.IncludeBodies);
        Assert.Equal(ExportSinkConfig.DefaultBatchSize, sink.BatchSize);
    }

    [Fact]
    public void Load_SinkMistakes_ListsEveryErrorWithItsPath()
    {
        var result = Load("""
            export:
              sinks:
                - name: a
                  format: xml
                  transport: { type: carrier-pigeon }
                - name: a
                  transport: { type: file }
                - name: b
                  batchSize: 0
            """);

        Assert.False(result.Success);
        var errors = result.FormatErrors();
        Assert.Contains("export.sinks[0].format: 'xml' is not json, ocsf or cef", errors, StringComparison.Ordinal);
        Assert.Contains("export.sinks[0].transport.type: transport type 'carrier-pigeon' is not supported (supported: file, syslog, hec, webhook, otlp)", errors, StringComparison.Ordinal);
        Assert.Contains("export.sinks[1].name: 'a' is used by another sink", errors, StringComparison.Ordinal);
        Assert.Contains("export.sinks[1].transport.path: required", errors, StringComparison.Ordinal);
        Assert.Contains("export.sinks[2].batchSize", errors, StringComparison.Ordinal);
        Assert.Contains("export.sinks[2].transport: required", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyslogSink_BindsTheNetworkTransport()
    {
        var result = Load("""
            export:
              sinks:
                - name: siem
                  format: cef
                  transport: { type: syslog, host: siem.example.com, port: 6514, protocol: tls }
            """);

        Assert.True(result.Success, result.FormatErrors());
        var network = Assert.IsType<NetworkTransportConfig>(Assert.Single(result.Config!.Export.Sinks).Transport);
        Assert.Equal("syslog", network.Type);
        Assert.Equal("siem.example.com", network.Options.Syslog!.Host);
        Assert.Equal(6514, network.Options.Syslog.EffectivePort);
    }

    private ConfigLoadResult Load(string yaml)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return GatehouseConfigLoader.Load(path, new Hashtable());
    }
}
