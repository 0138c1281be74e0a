namespace Gatehouse.Protocols.Streaming;

/// <summary>Recognises the media type of a server-sent event stream.</summary>
internal static class MediaTypes
{
    public static bool IsEventStream(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).AsSpan().Trim();
        return mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);
    }
}
