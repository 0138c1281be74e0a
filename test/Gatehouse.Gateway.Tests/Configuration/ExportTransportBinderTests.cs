using System.Collections;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.Export.Transports.Webhook;
using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class ExportTransportBinderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-transport-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Bind_SyslogTls_ReadsEveryKey()
    {
        var ca = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----");

        var (options, errors) = Bind($"""
            type: syslog
            host: siem.example
            port: 6515
            protocol: tls
            facility: local4
            hostname: gw-1
            connectTimeout: 2s
            writeTimeout: 1m
            tls: {"{"} serverName: siem.internal, caFile: {ca} {"}"}
            """);

        Assert.Empty(errors);
        var syslog = options!.Syslog!;
        Assert.Equal(("siem.example", 6515, SyslogProtocol.Tls, 20, "gw-1"), (syslog.Host, syslog.EffectivePort, syslog.Protocol, syslog.Facility, syslog.Hostname));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1)), (syslog.ConnectTimeout, syslog.WriteTimeout));
        Assert.Equal(("siem.internal", ca, true), (syslog.Tls.ServerName, syslog.Tls.CaFile, syslog.Tls.ValidateServerCertificate));
        Assert.Equal("syslog", options.Type);
    }

    [Fact]
    public void Bind_HecWithTokenFromEnvironment_ReadsSecretAndDefaults()
    {
        var (options, errors) = Bind("""
            type: hec
            url: https://splunk.example:8088
            token: { env: TEST_HEC_TOKEN }
            index: audit
            ackTimeout: 2m
            """, ("TEST_HEC_TOKEN", "hec-secret-value"));

        Assert.Empty(errors);
        var hec = options!.Hec!;
        Assert.Equal(("https://splunk.example:8088", "hec-secret-value", "audit"), (hec.Url, hec.Token, hec.Index));
        Assert.Equal((true, TimeSpan.FromMinutes(2), "gatehouse:audit"), (hec.UseAcknowledgement, hec.AckTimeout, hec.Sourcetype));
        Assert.DoesNotContain("hec-secret-value", hec.ToString(), StringComparison.Ordinal);
        Assert.True(options.UsesHttp);
    }

    [Fact]
    public void Bind_WebhookAndOtlp_ReadSecretsFromFilesAndPlainHeaders()
    {
        var secretFile = Path.Combine(_dir, "hook.key");
        File.WriteAllText(secretFile, "hook-secret\n");

        var (webhook, webhookErrors) = Bind($"type: webhook\nurl: https://hooks.example/audit\nformat: ndjson\nsecret: {{ file: {secretFile} }}");
        var (otlp, otlpErrors) = Bind("""
            type: otlp
            endpoint: http://collector:4318
            headers: { x-tenant: blue, x-api-key: { env: TEST_OTLP_KEY } }
            """, ("TEST_OTLP_KEY", "otlp-key"));

        Assert.Empty(webhookErrors.Concat(otlpErrors));
        Assert.Equal(("hook-secret", WebhookBodyFormat.NdJson), (webhook!.Webhook!.Secret, webhook.Webhook.Format));
        Assert.Equal("blue", otlp!.Otlp!.Headers["x-tenant"]);
        Assert.Equal("otlp-key", otlp.Otlp.Headers["x-api-key"]);
    }

    [Fact]
    public void Bind_InlineSecret_IsRefusedWithoutQuotingIt()
    {
        var (options, errors) = Bind("type: webhook\nurl: https://hooks.example\nsecret: do-not-inline-me");

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.StartsWith("transport.secret: secrets are never written in the configuration file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-inline-me", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type: kafka", "transport.type: 'kafka' is not one of syslog, hec, webhook, otlp")]
    [InlineData("type: syslog\nport: 514", "transport.host: required")]
    [InlineData("type: syslog\nhost: h\nprotocol: relp", "transport.protocol: 'relp' is not tcp, tls or udp")]
    [InlineData("type: syslog\nhost: h\nfacility: 24", "transport.facility: '24' is not a facility code 0 to 23 or a name (audit, local0, ...)")]
    [InlineData("type: syslog\nhost: h\nmaxDatagramBytes: 100", "transport.maxDatagramBytes: '100' is not a whole number from 480 to 65507")]
    [InlineData("type: syslog\nhost: h\ntls: { caFile: /nonexistent/ca.pem }", "transport.tls.caFile: file '/nonexistent/ca.pem' does not exist")]
    [InlineData("type: hec\nurl: splunk:8088\ntoken: { env: TEST_HEC_TOKEN }", "transport.url: 'splunk:8088' is not an absolute http(s) URL")]
    [InlineData("type: hec\nurl: https://s\ntoken: { env: TEST_UNSET_VARIABLE }", "transport.token.env: environment variable TEST_UNSET_VARIABLE is not set")]
    [InlineData("type: webhook\nurl: https://h\nsecret: { env: TEST_HEC_TOKEN }\nformat: xml", "transport.format: 'xml' is not json or ndjson")]
    [InlineData("type: otlp\nendpoint: http://c:4318\nheaderz: {}", "transport.headerz: unknown key")]
    public void Bind_Mistake_ReportsItWithItsPath(string yaml, string expected)
    {
        var (_, errors) = Bind(yaml, ("TEST_HEC_TOKEN", "t"));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    private static (NetworkTransportOptions? Options, List<string> Errors) Bind(string yaml, params (string Name, string Value)[] environment)
    {
        var errors = new ConfigErrors();
        var indented = string.Join('\n', yaml.Split('\n').Select(line => "  " + line));
        var root = YamlConfigReader.Read(new StringReader($"transport:\n{indented}"), errors);
        var reader = new SectionReader(root, errors);
        var options = ExportTransportBinder.Bind(reader.Section("transport"), Env(environment));
        return (options, errors.All.Select(e => $"{e.Path}: {e.Message}").ToList());
    }

    private static Hashtable Env((string Name, string Value)[] values)
    {
        var table = new Hashtable();
        foreach (var (name, value) in values)
        {
            table[name] = value;
        }

        return table;
    }
}
