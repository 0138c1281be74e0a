using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Scan;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<ScanFinding>))]
internal sealed partial class ScanJsonContext : JsonSerializerContext;
