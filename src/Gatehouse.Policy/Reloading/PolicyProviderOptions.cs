namespace Gatehouse.Policy.Reloading;

/// <summary>Options for <see cref="PolicyProvider"/>.</summary>
public sealed record PolicyProviderOptions
{
    /// <summary>Gets how long the file must stay quiet before a reload; defaults to 500 ms, enough for an editor's save burst.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets how often the file's size and modification time are checked; defaults to 1 second.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets whether to watch the file for changes; defaults to <see langword="true"/>.</summary>
    public bool Watch { get; init; } = true;
}
