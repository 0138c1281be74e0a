namespace Gatehouse.Audit.Proofs;

/// <summary>Why an exchange proof could not be made or did not verify.</summary>
public enum ProofProblem
{
    /// <summary>The proof holds.</summary>
    None,

    /// <summary>No entry of the exchange lies within the checkpoint's tree.</summary>
    NotFound,

    /// <summary>The log holds fewer entries than the checkpoint covers.</summary>
    BeyondLog,

    /// <summary>The log's root at the checkpoint's size is not the signed root: the log changed after it was signed.</summary>
    RootMismatch,

    /// <summary>The file is not a well-formed proof.</summary>
    Malformed,

    /// <summary>The checkpoint's signature does not verify with the public key.</summary>
    BadSignature,

    /// <summary>An entry's canonical bytes do not hash to its entry hash, or do not name its sequence and exchange.</summary>
    EntryMismatch,

    /// <summary>An entry's audit path does not lead to the signed root.</summary>
    NotIncluded,
}
