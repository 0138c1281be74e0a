namespace Gatehouse.Storage;

/// <summary>Thrown when a store's settings cannot be used; each error names the setting (its YAML path) and never a secret.</summary>
/// <remarks>
/// Raised while a provider is registered, before anything is opened, so the command reports it like the rest of the
/// configuration (exit code 2) rather than as a store that failed.
/// </remarks>
public sealed class StoreConfigurationException : Exception
{
    /// <summary>Initializes a new instance listing <paramref name="errors"/>, each <c>path: what is wrong</c>.</summary>
    public StoreConfigurationException(IReadOnlyList<string> errors)
        : base(string.Join("; ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Initializes a new instance with no errors listed.</summary>
    public StoreConfigurationException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance with one error.</summary>
    public StoreConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Initializes a new instance with one error and its cause.</summary>
    public StoreConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Gets what is wrong, each as <c>path: message</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
