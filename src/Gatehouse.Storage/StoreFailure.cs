namespace Gatehouse.Storage;

/// <summary>Why a store could not do what was asked; stable values an operator can act on.</summary>
public enum StoreFailure
{
    /// <summary>The database file or its directory could not be opened or created.</summary>
    CannotOpen,

    /// <summary>The database is read-only (file permissions, a read-only mount).</summary>
    ReadOnly,

    /// <summary>The disk or quota is full.</summary>
    DiskFull,

    /// <summary>Another process held the database lock for longer than the busy timeout.</summary>
    Busy,

    /// <summary>The file is not a database of this product, or it is damaged.</summary>
    Corrupt,

    /// <summary>The database was written by a newer version of the product.</summary>
    UnsupportedSchema,

    /// <summary>Any other input/output failure.</summary>
    IoError,
}
