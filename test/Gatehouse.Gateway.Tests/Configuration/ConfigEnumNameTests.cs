using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary>
/// The configuration's enum keys outside the policy's names (<c>audit.failureMode</c>, <c>audit.durability</c>, an MCP
/// connection's <c>transport</c> and <c>stdio.scope</c>, a webhook's <c>format</c>) accept exactly their documented,
/// lower-case names; anything else is refused at start-up with the key and the accepted names.
/// </summary>
public sealed class ConfigEnumNameTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-enum-names-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("failureMode", "Open", "audit.failureMode: 'Open' is not closed or open; names are lower-case: write 'open'")]
    [InlineData("failureMode", "CLOSED", "audit.failureMode: 'CLOSED' is not closed or open; names are lower-case: write 'closed'")]
    [InlineData("failureMode", "1", "audit.failureMode: '1' is not closed or open")]
    [InlineData("durability", "Process", "audit.durability: 'Process' is not fsync or process; names are lower-case: write 'process'")]
    [InlineData("durability", "FSync", "audit.durability: 'FSync' is not fsync or process; names are lower-case: write 'fsync'")]
    [InlineData("durability", "0", "audit.durability: '0' is not fsync or process")]
    [InlineData("transport", "SSE", "connections[0].transport: 'SSE' is not streamable or sse; names are lower-case: write 'sse'")]
    [InlineData("transport", "Streamable", "connections[0].transport: 'Streamable' is not streamable or sse; names are lower-case: write 'streamable'")]
    [InlineData("transport", "1", "connections[0].transport: '1' is not streamable or sse")]
    [InlineData("scope", "Caller", "connections[0].stdio.scope: 'Caller' is not connection or caller; names are lower-case: write 'caller'")]
    [InlineData("scope", "1", "connections[0].stdio.scope: '1' is not connection or caller")]
    [InlineData("format", "Slack", "notifications.webhooks[0].format: 'Slack' is not json or slack; names are lower-case: write 'slack'")]
    [InlineData("format", "JSON", "notifications.webhooks[0].format: 'JSON' is not json or slack; names are lower-case: write 'json'")]
    [InlineData("format", "1", "notifications.webhooks[0].format: '1' is not json or slack")]
    public void Load_EnumKeyNotAsDocumented_IsRefusedWithTheKeyAndTheNames(string key, string value, string expected)
    {
        File.WriteAllText(_path, key switch
        {
            "failureMode" or "durability" => $"audit:\n  {key}: \"{value}\"\n",
            "transport" => $"connections:\n  - name: old\n    kind: mcp\n    upstream: https://old.example.com/sse\n    transport: \"{value}\"\n",
            "scope" => $"connections:\n  - name: local\n    kind: mcp\n    stdio: {{command: /bin/sh, scope: \"{value}\"}}\n",
            _ => $"notifications:\n  webhooks:\n    - name: chat\n      url: https://hooks.example.com/x\n      format: \"{value}\"\n"
                + "      secret: {env: HOOK_SECRET}\n      events: [approval.requested]\n",
        });

        var result = GatehouseConfigLoader.Load(_path, new Hashtable { ["HOOK_SECRET"] = "whsec-0123456789abcdef" });

        Assert.False(result.Success);
        Assert.Contains(expected, result.FormatErrors(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EveryKeyMisspelt_ListsEveryErrorAtOnce()
    {
        File.WriteAllText(_path, """
            audit:
              failureMode: Open
              durability: Process
            connections:
              - name: old
                kind: mcp
                upstream: https://old.example.com/sse
                transport: SSE
              - name: local
                kind: mcp
                stdio: {command: /bin/sh, scope: Caller}
            notifications:
              webhooks:
                - name: chat
                  url: https://hooks.example.com/x
                  format: Slack
                  secret: {env: HOOK_SECRET}
                  events: [approval.requested]
            """);

        var result = GatehouseConfigLoader.Load(_path, new Hashtable { ["HOOK_SECRET"] = "whsec-0123456789abcdef" });

        Assert.False(result.Success);
        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Equal(
            ["audit.durability", "audit.failureMode", "connections[0].transport", "connections[1].stdio.scope", "notifications.webhooks[0].format"],
            paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_EveryDocumentedName_IsAccepted()
    {
        File.WriteAllText(_path, """
            audit:
              failureMode: open
              durability: process
            connections:
              - name: old
                kind: mcp
                upstream: https://old.example.com/sse
                transport: sse
              - name: new
                kind: mcp
                upstream: https://new.example.com/mcp
                transport: streamable
              - name: local
                kind: mcp
                stdio: {command: /bin/sh, scope: caller}
              - name: shared
                kind: mcp
                stdio: {command: /bin/sh, scope: connection}
            notifications:
              webhooks:
                - name: chat
                  url: https://hooks.example.com/x
                  format: slack
                  events: [approval.requested]
                - name: siem
                  url: https://hooks.example.com/y
                  format: json
                  secret: {env: HOOK_SECRET}
                  events: [approval.requested]
            """);

        var result = GatehouseConfigLoader.Load(_path, new Hashtable { ["HOOK_SECRET"] = "whsec-0123456789abcdef" });

        Assert.True(result.Success, result.FormatErrors());
        var config = result.Config!;
        Assert.Equal((AuditFailureMode.Open, Gatehouse.Storage.StoreDurability.Process), (config.Audit.FailureMode, config.Audit.Durability));
        Assert.Equal([McpUpstreamTransport.Sse, McpUpstreamTransport.Streamable], config.Connections.Take(2).Select(c => c.Transport));
        Assert.Equal([McpStdioScope.Caller, McpStdioScope.Connection], config.Connections.Skip(2).Select(c => c.Stdio!.Scope));
        Assert.Equal([WebhookFormat.Slack, WebhookFormat.Json], config.Notifications.Webhooks.Select(w => w.Format));
    }
}
