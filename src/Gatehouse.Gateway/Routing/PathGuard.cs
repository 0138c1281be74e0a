namespace Gatehouse.Gateway.Routing;

/// <summary>
/// Refuses forwarded paths that an upstream could read differently from the gateway: dot segments, empty segments,
/// backslashes, semicolons (path parameters: <c>..;</c> is a dot segment to Tomcat and Spring), percent signs (encoded
/// slashes and double encoding) and control characters.
/// </summary>
/// <remarks>
/// Kestrel has already decoded the path except <c>%2F</c>, so a <c>%</c> left here is either an encoded slash or a
/// second layer of encoding. Model APIs need none of these, and refusing is safer than normalising: the upstream must
/// see exactly the path that was routed, audited and decided on.
/// </remarks>
internal static class PathGuard
{
    public static string? Check(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        foreach (var c in path)
        {
            if (c is '\\' or '%' or ';' || char.IsControl(c))
            {
                return "the path contains a backslash, a semicolon, a percent-encoded character or a control character";
            }
        }

        var segments = path.AsSpan(1);
        foreach (var range in segments.Split('/'))
        {
            var segment = segments[range];
            if (segment is "." or "..")
            {
                return "the path contains a '.' or '..' segment";
            }

            if (segment.Length == 0 && range.End.Value != segments.Length)
            {
                return "the path contains an empty segment ('//')";
            }
        }

        return null;
    }
}
