using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.Approvals;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApprovalEventRecord))]
internal sealed partial class ApprovalJsonContext : JsonSerializerContext;
