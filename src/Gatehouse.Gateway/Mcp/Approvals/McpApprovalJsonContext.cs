using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.Mcp.Approvals;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(McpRequestState))]
internal sealed partial class McpApprovalJsonContext : JsonSerializerContext;
