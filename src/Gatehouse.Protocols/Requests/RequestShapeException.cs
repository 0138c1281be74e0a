namespace Gatehouse.Protocols.Requests;

/// <summary>Thrown while reading a request whose JSON does not have the API's shape; caught at the parse entry.</summary>
/// <remarks>
/// Shape errors surface deep inside recursive flattening; unwinding to the single entry keeps the readers linear.
/// Messages name fields and positions only, never values.
/// </remarks>
internal sealed class RequestShapeException : Exception
{
    public RequestShapeException(string message)
        : base(message)
    {
    }

    public RequestShapeException()
    {
    }

    public RequestShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
