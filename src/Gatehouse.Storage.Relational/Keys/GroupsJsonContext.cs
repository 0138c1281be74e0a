using System.Text.Json.Serialization;

namespace Gatehouse.Storage.Relational.Keys;

/// <summary>Serialises a key's groups into one column (and, in SQLite, any string array passed as JSON).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class GroupsJsonContext : JsonSerializerContext;
