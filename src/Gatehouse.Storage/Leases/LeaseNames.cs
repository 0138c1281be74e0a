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

    /// <summary>Gets the lease of checkpoint signing and retention, which signs the checkpoints its tombstones need.</summary>
    /// <remarks>One lease for both, so that one replica signs at a time and checkpoints are stored in tree order.</remarks>
    public static string Signing => "job:signing";

    /// <summary>Gets the lease of the review sweeper (the timeouts of approvals and access requests).</summary>
    public static string ReviewSweep => "job:review-sweep";

    /// <summary>Gets the lease of the export to the sink named <paramref name="sink"/>; each sink may run on a different replica.</summary>
    public static string Export(string sink)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return "job:export:" + sink;
    }
}
