namespace CollabInsights.Verification;

/// <summary>The answer of a proof check: proven, or the first reason it is not.</summary>
public enum ProofOutcome
{
    /// <summary>Every check passed.</summary>
    Proven,

    /// <summary>The proof's format or serialisation version is not one this kit reads.</summary>
    UnknownFormat,

    /// <summary>The record differs from the anchored one (a disclosed value altered, or the data changed since anchoring).</summary>
    RecordChanged,

    /// <summary>The record's values are the anchored ones but the salt is not: the proof was made or edited with a wrong salt.</summary>
    WrongSalt,

    /// <summary>The disclosed value or its salt does not hash to the leaf and no data was given to tell which.</summary>
    LeafMismatch,

    /// <summary>The sibling path does not lead from the leaf to the root.</summary>
    PathInvalid,

    /// <summary>No anchor event for the root exists on the chain (or on another chain than the proof names).</summary>
    Unanchored,

    /// <summary>The root is anchored but has fewer confirmations than required.</summary>
    TooFewConfirmations,

    /// <summary>The record was erased: its data and salt are gone; the chain keeps only the root.</summary>
    Erased,

    /// <summary>The data given does not hold the record (missing file or row) and no erasure is registered.</summary>
    RecordMissing,
}
