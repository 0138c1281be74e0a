namespace Gatehouse.Policy;

/// <summary>Names the half of an exchange a policy is evaluated on.</summary>
public enum PolicyDirection
{
    /// <summary>The client's request, before it is forwarded.</summary>
    Request,

    /// <summary>The model's response, before it is released to the client.</summary>
    Response,
}
