using System.Text.Json.Serialization;

namespace Gatehouse.Storage.Postgres.Keys;

/// <summary>Serialises a key's groups into one column.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class GroupsJsonContext : JsonSerializerContext;
