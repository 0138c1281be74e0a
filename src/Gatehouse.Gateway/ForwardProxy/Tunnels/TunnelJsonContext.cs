using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.ForwardProxy.Tunnels;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TunnelRecord))]
internal sealed partial class TunnelJsonContext : JsonSerializerContext;
