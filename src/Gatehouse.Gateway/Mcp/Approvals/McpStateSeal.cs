using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Masking;

namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>
/// Seals an <see cref="McpRequestState"/> into the opaque <c>requestState</c> string of an <c>input_required</c> answer,
/// and opens one a client echoes: <c>gh1.{payload}.{mac}</c>, base64url, HMAC-SHA256 over <c>gh1.{payload}</c>.
/// </summary>
/// <remarks>
/// The key is derived (HKDF-SHA256, its own label) from the deployment's fingerprint key, which replicas already share
/// (<c>masking.fingerprintKey</c>, required with PostgreSQL) or which sits beside the SQLite database: any replica can
/// open a state another issued, and no new secret has to be configured. The payload is integrity-protected, not secret:
/// it names the connection, the caller's principal key, the call's method, tool and digest, the approval and an expiry,
/// all of which the client already knows.
/// </remarks>
internal sealed class McpStateSeal
{
    /// <summary>The prefix that marks a request state as the gateway's; any other belongs to the server and is left alone.</summary>
    public const string Prefix = "gh1.";

    private static readonly byte[] Label = "gatehouse/mcp-request-state/v1"u8.ToArray();
    private readonly byte[] _key;

    public McpStateSeal(ReadOnlySpan<byte> secret)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, salt: [], info: Label);
    }

    public static McpStateSeal For(GatehouseConfig config) => new(MaskingServices.FingerprintKey(config).Span);

    /// <summary>Returns whether <paramref name="text"/> is shaped like a state the gateway issued (not that it is valid).</summary>
    public static bool IsOurs(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.Ordinal);

    public string Seal(McpRequestState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var payload = Prefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(state, McpApprovalJsonContext.Default.McpRequestState));
        return payload + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>Opens <paramref name="text"/>: the state when its seal holds and it has not expired at <paramref name="now"/>, else why not.</summary>
    public (McpRequestState? State, ExchangeFailureCode? Problem) Open(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.LastIndexOf('.');
        if (!IsOurs(text) || dot <= Prefix.Length || text.Length > 4096)
        {
            return (null, ExchangeFailureCode.RequestStateInvalid);
        }

        var payload = text[..dot];
        McpRequestState? state;
        try
        {
            var mac = new byte[32];
            if (!Base64Url.TryDecodeFromChars(text.AsSpan(dot + 1), mac, out var written) || written != mac.Length
                || !CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
            {
                return (null, ExchangeFailureCode.RequestStateInvalid);
            }

            state = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(payload.AsSpan(Prefix.Length)), McpApprovalJsonContext.Default.McpRequestState);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            // Not base64url (the decoder throws rather than answer false for some inputs), or sealed by this key but
            // unreadable: the client's input, refused like any other forgery.
            return (null, ExchangeFailureCode.RequestStateInvalid);
        }

        return state is null ? (null, ExchangeFailureCode.RequestStateInvalid)
            : now >= state.ExpiresAt ? (null, ExchangeFailureCode.RequestStateExpired)
            : (state, null);
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload));
}
