using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Mcp;
using Gatehouse.Protocols.Mcp;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Tests.Mcp;

public sealed class McpHeaderCheckTests
{
    private static readonly McpMessage Call = new(McpMessageKind.Request, "tools/call", "1", "github.merge_pr", null);
    private static readonly McpMessage StatelessCall = Call with { ProtocolVersion = "2026-07-28" };

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("2025-11-25", null, null)]
    [InlineData("2025-06-18", "tools/call", "github.merge_pr")]
    [InlineData("2025-03-26", "tools/call", "=?base64?Z2l0aHViLm1lcmdlX3By?=")]
    public void SessionRevisions_HeadersOptional_ButEqualWhenPresent(string? version, string? method, string? name)
        => Assert.Null(McpHeaderCheck.Check(Headers(version, method, name), Call));

    [Theory]
    [InlineData("2025-11-25", "tools/list", null, "mcp_header_mismatch")]
    [InlineData("2025-11-25", null, "github.list_prs", "mcp_header_mismatch")]
    [InlineData("2025-11-25", "Tools/Call", null, "mcp_header_mismatch")]
    [InlineData("2025-11-25", null, "=?base64?not base64?=", "mcp_header_mismatch")]
    [InlineData("2024-11-05", null, null, "mcp_unsupported_protocol_version")]
    [InlineData("2099-01-01", null, null, "mcp_unsupported_protocol_version")]
    public void AnyDisagreement_IsRefused(string? version, string? method, string? name, string code)
        => Assert.Equal(code, McpHeaderCheck.Check(Headers(version, method, name), Call)?.Code.ToName());

    [Theory]
    [InlineData("2026-07-28", "tools/call", "github.merge_pr", null)]
    [InlineData("2026-07-28", "tools/call", null, "Mcp-Name header is required")]
    [InlineData("2026-07-28", null, "github.merge_pr", "Mcp-Method header is required")]
    [InlineData(null, "tools/call", "github.merge_pr", "MCP-Protocol-Version header is missing")]
    [InlineData("2025-11-25", "tools/call", "github.merge_pr", "does not match the body's _meta version")]
    public void StatelessRevision_RequiresEveryHeader(string? version, string? method, string? name, string? expected)
    {
        var refusal = McpHeaderCheck.Check(Headers(version, method, name), StatelessCall);
        if (expected is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains(expected, refusal?.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void StatelessRevision_MethodsWithoutANameNeedNoNameHeader_AndNotificationsNoMethodHeader()
    {
        var list = new McpMessage(McpMessageKind.Request, "tools/list", "2", null, "2026-07-28");
        Assert.Null(McpHeaderCheck.Check(Headers("2026-07-28", "tools/list", null), list));
        Assert.Equal("mcp_header_mismatch", McpHeaderCheck.Check(Headers("2026-07-28", "tools/list", "x"), list)?.Code.ToName());
        var notification = new McpMessage(McpMessageKind.Notification, "notifications/cancelled", null, null, null);
        Assert.Null(McpHeaderCheck.Check(Headers("2026-07-28", null, null), notification));
    }

    private static HeaderDictionary Headers(string? version, string? method, string? name)
    {
        var headers = new HeaderDictionary();
        if (version is not null)
        {
            headers["MCP-Protocol-Version"] = version;
        }

        if (method is not null)
        {
            headers["Mcp-Method"] = method;
        }

        if (name is not null)
        {
            headers["Mcp-Name"] = name;
        }

        return headers;
    }
}
