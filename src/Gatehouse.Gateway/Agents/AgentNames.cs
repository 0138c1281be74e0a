using System.Text.RegularExpressions;

namespace Gatehouse.Gateway.Agents;

/// <summary>The shape of agent names and agent upstream keys: what a connection's <c>via</c> and <c>upstream</c> may name.</summary>
internal static partial class AgentNames
{
    /// <summary>The rule, for error messages.</summary>
    public const string Rule = "1-63 characters of a-z, 0-9, '-' or '_', starting with a letter or digit";

    /// <summary>Returns whether <paramref name="name"/> is a valid agent name or upstream key.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex Pattern();
}
