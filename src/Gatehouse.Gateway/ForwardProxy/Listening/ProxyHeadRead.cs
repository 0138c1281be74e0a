namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>What the first bytes of a proxy connection turned out to be.</summary>
internal enum ProxyHeadRead
{
    /// <summary>A CONNECT request, read and consumed.</summary>
    Connect,

    /// <summary>Another request (absolute-form HTTP, or something Kestrel will refuse), left unread for Kestrel's parser.</summary>
    Other,

    /// <summary>The client closed the connection before a request line.</summary>
    Closed,

    /// <summary>A CONNECT request that is malformed or larger than the limit.</summary>
    Malformed,
}
