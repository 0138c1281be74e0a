namespace Gatehouse.Storage;

/// <summary>When a store's commit returns, what it has survived.</summary>
public enum StoreDurability
{
    /// <summary>
    /// Every commit is on disk (fsync) before it returns: it survives a power loss. Concurrent appends share one sync
    /// (group commit). The default.
    /// </summary>
    Fsync,

    /// <summary>
    /// Every commit is in the database's log, written to the operating system, before it returns: it survives any
    /// crash of the gateway process. The log is synced to disk on a short timer, so a power loss or kernel crash may
    /// lose the commits of that last window.
    /// </summary>
    Process,
}
