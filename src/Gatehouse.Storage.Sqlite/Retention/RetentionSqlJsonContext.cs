using System.Text.Json.Serialization;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>Serialises id lists into the JSON arrays the retention statements read with <c>json_each</c>.</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class RetentionSqlJsonContext : JsonSerializerContext;
