using Gatehouse.Storage.Keys;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>A newly created key: the record to store and the key text, shown to its owner once and never stored.</summary>
internal sealed record IssuedApiKey(ApiKeyRecord Record, string Plaintext)
{
    /// <inheritdoc />
    public override string ToString() => $"{nameof(IssuedApiKey)} {{ Id = {Record.Id}, Name = {Record.Name} }}";
}
