namespace Gatehouse.Protocols;

/// <summary>The outcome of parsing a request body: a request, or a reason a person can act on.</summary>
public readonly record struct RequestParseResult(ParsedRequest? Request, string? Error)
{
    /// <summary>Gets a value indicating whether the body was understood.</summary>
    public bool Success => Request is not null;

    /// <summary>Creates a successful result.</summary>
    public static RequestParseResult Ok(ParsedRequest request) => new(request, null);

    /// <summary>Creates a failed result; the message never quotes the body.</summary>
    public static RequestParseResult Fail(string error) => new(null, error);
}
