namespace Gatehouse.Storage;

/// <summary>Thrown when the store cannot be opened or written; the message names the failure, never any content.</summary>
/// <remarks>
/// A store that cannot write is an operational condition, not a bug, but it is thrown rather than returned because
/// every caller above the store turns it into the same fail-closed answer (a failed audit write, a 503, an exit code).
/// </remarks>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Initializes a new instance for <paramref name="failure"/>.</summary>
    public StoreUnavailableException(StoreFailure failure, Exception? innerException = null)
        : base(Describe(failure), innerException)
    {
        Failure = failure;
    }

    /// <summary>Initializes a new instance with the default failure, <see cref="StoreFailure.IoError"/>.</summary>
    public StoreUnavailableException()
        : this(StoreFailure.IoError)
    {
    }

    /// <summary>Initializes a new instance; <paramref name="message"/> must name no content.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
        Failure = StoreFailure.IoError;
    }

    /// <summary>Initializes a new instance; <paramref name="message"/> must name no content.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = StoreFailure.IoError;
    }

    /// <summary>Gets why the store is unavailable.</summary>
    public StoreFailure Failure { get; }

    /// <summary>Gets a fixed, content-free description of <paramref name="failure"/>.</summary>
    public static string Describe(StoreFailure failure) => failure switch
    {
        StoreFailure.CannotOpen => "the store's database file cannot be opened or created",
        StoreFailure.ReadOnly => "the store's database is read-only",
        StoreFailure.DiskFull => "the store's disk is full",
        StoreFailure.Busy => "the store's database stayed locked past the busy timeout",
        StoreFailure.Corrupt => "the store's database file is damaged or not a Gatehouse database",
        StoreFailure.UnsupportedSchema => "the store's database was written by a newer Gatehouse",
        _ => "the store failed an input/output operation",
    };
}
