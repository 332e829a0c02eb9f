namespace CollabInsights.Fit;

/// <summary>
/// Answers to the questions the three decision frameworks ask. Each framework step reads one of
/// these (some inverted); <see cref="FitQuestion.All"/> says which question feeds which step.
/// Null means "not answered": the assessment then names the missing key.
/// </summary>
public sealed record FitAnswers
{
    /// <summary>Do you need to store state (a shared, consistent data store)? W&amp;G Q1, PRB step 1, NIST §9.</summary>
    public bool? NeedsSharedState { get; init; }

    /// <summary>Are there multiple writers (more than one entity contributes data)? W&amp;G Q2, PRB step 2, NIST §9.</summary>
    public bool? MultipleWriters { get; init; }

    /// <summary>Can you use an always-online trusted third party that all writers accept (a fund manager, a registry)? W&amp;G Q3, PRB step 4 (inverted), NIST §9 control question (inverted).</summary>
    public bool? TrustedThirdPartyAvailable { get; init; }

    /// <summary>Are all writers known (identified, admitted)? W&amp;G Q4, PRB step 9.</summary>
    public bool? AllWritersKnown { get; init; }

    /// <summary>Are all writers trusted (no conflicting interests, none would rewrite history)? W&amp;G Q5, PRB step 3 (inverted).</summary>
    public bool? AllWritersTrusted { get; init; }

    /// <summary>Is public verifiability required (anyone, not only participants, must be able to check the records)? W&amp;G Q6, PRB step 8.</summary>
    public bool? PublicVerifiability { get; init; }

    /// <summary>Do the rules governing system access differ between participants (roles: validator, payer, investor)? PRB step 5.</summary>
    public bool? AccessRulesDiffer { get; init; }

    /// <summary>Do the transaction rules remain largely unchanged over the system's life? PRB step 6.</summary>
    public bool? TransactionRulesStable { get; init; }

    /// <summary>Is there a need for an objective, immutable (tamper-proof) log of all writes? PRB step 7, NIST §9.</summary>
    public bool? NeedsImmutableLog { get; init; }

    /// <summary>Once written, are records never updated or deleted (corrections are new records)? NIST §9.</summary>
    public bool? RecordsNeverUpdated { get; init; }

    /// <summary>Would sensitive identifiers or personal data be written to the shared store itself (not only hashes)? NIST §9 (inverted).</summary>
    public bool? SensitiveDataOnLedger { get; init; }

    /// <summary>Is a native digital asset or token needed (payments settle on the ledger, incentives for validators)? PRB step 10.</summary>
    public bool? NeedsDigitalAsset { get; init; }
}
