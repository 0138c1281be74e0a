namespace Gatehouse.Storage.Leases;

/// <summary>The names of the leases the product takes, in one place.</summary>
public static class LeaseNames
{
    /// <summary>Gets the lease a gateway process holds while it writes to the audit log as <paramref name="writerId"/>.</summary>
    /// <remarks>A starting replica closes as interrupted only the open intents of writers whose lease has lapsed.</remarks>
    public static string Writer(string writerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(writerId);
        return "writer:" + writerId;
    }
}
