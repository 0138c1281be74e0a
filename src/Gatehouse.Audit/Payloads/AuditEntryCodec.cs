using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using System.Text;

namespace Gatehouse.Audit.Payloads;

/// <summary>Turns exchange records into entry drafts and back: metadata into the payload, content into the body.</summary>
/// <remarks>
/// The prompt (intent) and the response text (outcome) are the bodies; everything else, tool calls included, is the
/// payload. Both are written as content-addressed parts (<see cref="BodyParts"/>): the prompt one part per message
/// (<see cref="ExchangeIntent.PromptParts"/>), the response one part, so a system prompt or a conversation resent every
/// turn is stored once. A body removed by retention decodes as a null prompt or response.
/// </remarks>
public static class AuditEntryCodec
{
    /// <summary>The failure code of an outcome written by start-up recovery.</summary>
    public const string InterruptedFailure = "interrupted";

    /// <summary>Builds the intent entry for <paramref name="intent"/>, recorded at <paramref name="time"/>.</summary>
    public static AuditEntryDraft ForIntent(ExchangeIntent intent, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = JsonSerializer.SerializeToUtf8Bytes(intent with { Prompt = null }, AuditJsonContext.Default.ExchangeIntent);
        var index = new AuditIndex
        {
            Subject = intent.Identity.Subject,
            Email = intent.Identity.Email,
            Connection = intent.Connection,
            Model = intent.Model,
            Decision = intent.Decision,
        };
        if (intent.Prompt is null && intent.PromptEncodedParts is { Count: > 0 } encoded)
        {
            return FromParts(AuditEntryKinds.Intent, intent.ExchangeId, time, index, payload, encoded);
        }

        return Draft(AuditEntryKinds.Intent, intent.ExchangeId, time, index, payload, intent.Prompt, intent.PromptParts);
    }

    /// <summary>Builds the outcome entry for <paramref name="outcome"/>, recorded at <paramref name="time"/>.</summary>
    public static AuditEntryDraft ForOutcome(ExchangeOutcome outcome, DateTimeOffset time) =>
        ForEnding(AuditEntryKinds.Outcome, outcome, time);

    /// <summary>Builds the entry that closes an intent left without an outcome when the gateway stopped.</summary>
    public static AuditEntryDraft ForInterrupted(string exchangeId, DateTimeOffset time)
    {
        var outcome = new ExchangeOutcome
        {
            ExchangeId = exchangeId,
            CompletedAt = time,
            Failure = InterruptedFailure,
            FailureDetail = "the gateway stopped before the exchange ended",
        };
        return ForEnding(AuditEntryKinds.Interrupted, outcome, time);
    }

    /// <summary>Builds the entry for a caller the gateway could not identify; it has no body.</summary>
    public static AuditEntryDraft ForSignInFailure(SignInFailure failure, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var payload = JsonSerializer.SerializeToUtf8Bytes(failure, AuditJsonContext.Default.SignInFailure);
        var index = new AuditIndex { Connection = failure.Connection, Status = failure.Status, Decision = "deny" };
        return Draft(AuditEntryKinds.SignInFailed, failure.RequestId, time, index, payload, null, null);
    }

    /// <summary>Decodes a sign-in failure entry's payload.</summary>
    public static SignInFailure DecodeSignInFailure(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize(payload, AuditJsonContext.Default.SignInFailure)
            ?? throw new InvalidDataException("A sign-in failure payload is empty.");

    /// <summary>Decodes an intent entry's payload and body.</summary>
    public static ExchangeIntent DecodeIntent(ReadOnlySpan<byte> payload, byte[]? body)
    {
        var intent = JsonSerializer.Deserialize(payload, AuditJsonContext.Default.ExchangeIntent)
            ?? throw new InvalidDataException("An intent payload is empty.");
        return intent with { Prompt = Text(body) };
    }

    /// <summary>Decodes an outcome or interruption entry's payload and body.</summary>
    public static ExchangeOutcome DecodeOutcome(ReadOnlySpan<byte> payload, byte[]? body)
    {
        var outcome = JsonSerializer.Deserialize(payload, AuditJsonContext.Default.ExchangeOutcome)
            ?? throw new InvalidDataException("An outcome payload is empty.");
        return outcome with { Response = Text(body) };
    }

    private static AuditEntryDraft ForEnding(string kind, ExchangeOutcome outcome, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var payload = JsonSerializer.SerializeToUtf8Bytes(outcome with { Response = null }, AuditJsonContext.Default.ExchangeOutcome);
        var index = new AuditIndex { Model = outcome.Model, Status = outcome.Status };
        return Draft(kind, outcome.ExchangeId, time, index, payload, outcome.Response, null);
    }

    private static AuditEntryDraft Draft(
        string kind, string exchangeId, DateTimeOffset time, AuditIndex index, byte[] payload, string? text, IReadOnlyList<string>? pieces)
    {
        if (text is null && pieces is { Count: > 0 })
        {
            // The pieces alone are the text (ExchangeIntent.PromptParts): stored as they are, never joined into a string.
            if (AllNonEmpty(pieces))
            {
                return FromParts(kind, exchangeId, time, index, payload, BodyParts.FromTexts(pieces));
            }

            text = string.Concat(pieces);
        }

        if (string.IsNullOrEmpty(text))
        {
            // No body, or an empty one: nothing to share, so the (empty) body is stored whole.
            var empty = text is null ? null : Array.Empty<byte>();
            return new AuditEntryDraft(kind, exchangeId, time, index, payload, empty, empty is null ? null : AuditChain.ComputeBodyHash(empty));
        }

        // Pieces that do not add up to the text (a caller bug) must not change what is recorded: fall back to one part.
        return FromParts(kind, exchangeId, time, index, payload, BodyParts.FromTexts(pieces is { Count: > 0 } && JoinsTo(pieces, text) ? pieces : [text]));
    }

    private static AuditEntryDraft FromParts(
        string kind, string exchangeId, DateTimeOffset time, AuditIndex index, byte[] payload, IReadOnlyList<BodyPart> parts)
    {
        foreach (var part in parts)
        {
            if (part.Content is not { Length: > 0 })
            {
                // An empty piece cannot be a part: the joined body is stored as one part (or, empty, whole), as for text.
                var joined = BodyParts.Join(parts) ?? throw new ArgumentException("A part to record has no content.", nameof(parts));
                return joined.Length == 0
                    ? new AuditEntryDraft(kind, exchangeId, time, index, payload, joined, AuditChain.ComputeBodyHash(joined))
                    : FromParts(kind, exchangeId, time, index, payload, [new BodyPart(AuditChain.ComputeBodyHash(joined), joined)]);
            }
        }

        return new AuditEntryDraft(kind, exchangeId, time, index, payload, BodyParts.Join(parts), BodyParts.ManifestHash(parts))
        {
            BodyParts = parts,
        };
    }

    private static bool AllNonEmpty(IReadOnlyList<string> pieces)
    {
        foreach (var piece in pieces)
        {
            if (piece.Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool JoinsTo(IReadOnlyList<string> pieces, string text)
    {
        var offset = 0;
        foreach (var piece in pieces)
        {
            if (piece.Length == 0 || offset + piece.Length > text.Length || !text.AsSpan(offset, piece.Length).SequenceEqual(piece))
            {
                return false;
            }

            offset += piece.Length;
        }

        return offset == text.Length;
    }

    private static string? Text(byte[]? body) => body is null ? null : Encoding.UTF8.GetString(body);
}
