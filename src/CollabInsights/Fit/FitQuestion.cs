namespace CollabInsights.Fit;

/// <summary>A question of the fit assessment: its key in the answers file, its text, and the framework steps it feeds.</summary>
/// <param name="Key">snake_case key in the <c>answers</c> object of the JSON file.</param>
/// <param name="Text">The question as put to the user.</param>
/// <param name="UsedBy">The framework steps that read it.</param>
public sealed record FitQuestion(string Key, string Text, string UsedBy)
{
    /// <summary>Every question, in the order the interactive assessment asks them.</summary>
    public static IReadOnlyList<FitQuestion> All { get; } =
    [
        new("needs_shared_state", "Do you need to store state: a shared, consistent record of commitments, outcomes and payments?", "Wüst & Gervais Q1; Pedersen et al. step 1; NIST IR 8202 §9"),
        new("multiple_writers", "Are there multiple writers: does more than one organisation write records?", "Wüst & Gervais Q2; Pedersen et al. step 2; NIST IR 8202 §9"),
        new("trusted_third_party_available", "Can you use an always-online trusted third party that every writer accepts (a fund manager, a registry, a bank)?", "Wüst & Gervais Q3; Pedersen et al. step 4; NIST IR 8202 §9"),
        new("all_writers_known", "Are all writers known and admitted by the collaboration?", "Wüst & Gervais Q4; Pedersen et al. step 9"),
        new("all_writers_trusted", "Are all writers trusted: no conflicting interests, none would rewrite history?", "Wüst & Gervais Q5; Pedersen et al. step 3"),
        new("public_verifiability", "Is public verifiability required: must anyone outside the collaboration be able to check the records?", "Wüst & Gervais Q6; Pedersen et al. step 8"),
        new("access_rules_differ", "Do the rules governing system access differ between participants (validators, payers, investors)?", "Pedersen et al. step 5"),
        new("transaction_rules_stable", "Do the transaction rules (pricing, caps, validation) remain largely unchanged over the system's life?", "Pedersen et al. step 6"),
        new("needs_immutable_log", "Is there a need for an objective, immutable (tamper-proof) log of all writes?", "Pedersen et al. step 7; NIST IR 8202 §9"),
        new("records_never_updated", "Once written, are records never updated or deleted (corrections are new records)?", "NIST IR 8202 §9"),
        new("sensitive_data_on_ledger", "Would personal data or sensitive identifiers be written to the shared store itself (not only hashes)?", "NIST IR 8202 §9"),
        new("needs_digital_asset", "Is a native digital asset needed (payments settle on the ledger itself, incentives for validators)?", "Pedersen et al. step 10"),
    ];
}
