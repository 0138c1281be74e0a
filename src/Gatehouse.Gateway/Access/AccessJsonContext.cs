using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.Access;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccessEventRecord))]
[JsonSerializable(typeof(AccessRequestInput))]
[JsonSerializable(typeof(GrantView))]
[JsonSerializable(typeof(List<GrantView>))]
[JsonSerializable(typeof(Approvals.ReviewInput))]
internal sealed partial class AccessJsonContext : JsonSerializerContext;
