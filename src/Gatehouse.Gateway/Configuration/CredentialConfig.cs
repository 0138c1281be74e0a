namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The organisation's upstream credential for a connection. The value is read from an environment variable or a
/// file at start-up; it never comes from the client and never reaches a log or the audit.
/// </summary>
public sealed record CredentialConfig
{
    /// <summary>Gets the header the credential is sent in (for example <c>Authorization</c> or <c>x-api-key</c>).</summary>
    public required string Header { get; init; }

    /// <summary>Gets the text placed before the value (for example <c>Bearer </c>); the default is none.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Gets the resolved secret value.</summary>
    public required string Value { get; init; }

    /// <summary>Gets where the value came from (<c>env:NAME</c> or <c>file:PATH</c>), safe to show.</summary>
    public required string Source { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Header}: <{Source}>";
}
