namespace Gatehouse.Policy;

/// <summary>Names the API an exchange speaks, as policy sees it.</summary>
public enum PolicyApi
{
    /// <summary>Opaque HTTP the gateway forwards without understanding (<c>http</c>).</summary>
    Http,

    /// <summary>OpenAI chat completions (<c>chat</c>).</summary>
    Chat,

    /// <summary>OpenAI responses (<c>responses</c>).</summary>
    Responses,

    /// <summary>Anthropic messages (<c>messages</c>).</summary>
    Messages,

    /// <summary>OpenAI legacy completions, such as Copilot inline completions (<c>completions</c>).</summary>
    Completions,
    /// <summary>Model Context Protocol requests on a connection of kind <c>mcp</c> (<c>mcp</c>).</summary>
    Mcp,
}
