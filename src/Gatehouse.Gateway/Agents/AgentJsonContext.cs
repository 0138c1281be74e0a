using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.Agents;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentHello))]
[JsonSerializable(typeof(AgentView[]))]
[JsonSerializable(typeof(AgentEventRecord))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
