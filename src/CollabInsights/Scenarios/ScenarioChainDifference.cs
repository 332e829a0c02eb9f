using System.Text.Json.Serialization;
using CollabInsights.Reconciliation;

namespace CollabInsights.Scenarios;

/// <summary>
/// A deliberate difference between the books and the chain of a generated scenario (ground truth for
/// reconciliation): the off-chain file and 1-based data row it concerns, the class reconciliation should put it
/// in (<c>amount_mismatch</c>, <c>period_mismatch</c>, <c>counterparty_mismatch</c>, <c>only_on_chain</c>,
/// <c>only_off_chain</c>), which field the chain records differently and both values. The CSV files stay the books;
/// <see cref="OnChain.Seeding.LedgerSeeder"/> applies the difference when it writes the chain.
/// </summary>
/// <param name="Class">Reconciliation class name, as <c>ReconciliationResult.NameOf</c> prints it.</param>
/// <param name="RecordType"><c>payment</c> (an actual outcome payment) or <c>result</c> (an outcome attestation).</param>
/// <param name="File">Off-chain file of the record, e.g. <c>projects_outcome_payments.csv</c>.</param>
/// <param name="Row">1-based data row in <paramref name="File"/>; for <c>only_on_chain</c> the row the chain records a second time.</param>
/// <param name="Project">Project id of the record.</param>
/// <param name="Metric">Outcome metric id of the record.</param>
/// <param name="Field">
/// What the chain changes: <c>amount</c> (token amount), <c>outcomes_achieved</c> (attested count), <c>period</c>
/// (<c>start..end</c>), <c>payer</c>, <c>recipient</c> or <c>validator</c> (organisation id), or <c>record</c>
/// (the whole record: missing on chain for <c>only_off_chain</c>, recorded twice for <c>only_on_chain</c>).
/// </param>
/// <param name="BooksValue">The value in the books (invariant text; null for <c>record</c>).</param>
/// <param name="ChainValue">The value the chain records instead (invariant text; null for <c>record</c>).</param>
/// <param name="Description">A sentence saying what differs.</param>
public sealed record ScenarioChainDifference(
    string Class,
    string RecordType,
    string File,
    int Row,
    string Project,
    string? Metric,
    string Field,
    string? BooksValue,
    string? ChainValue,
    string Description)
{
    /// <summary>The reconciliation class, typed (<see cref="Class"/> is its name as written in <c>ground-truth.json</c>).</summary>
    [JsonIgnore]
    public ReconciliationClass Kind => ReconciliationResult.ClassOf(Class);

    /// <summary>Field name of a change of the token amount of a payment.</summary>
    public const string AmountField = "amount";

    /// <summary>Field name of a change of the attested outcome count.</summary>
    public const string OutcomesField = "outcomes_achieved";

    /// <summary>Field name of a change of the period (<c>start..end</c>).</summary>
    public const string PeriodField = "period";

    /// <summary>Field name of a change of the payer of a payment.</summary>
    public const string PayerField = "payer";

    /// <summary>Field name of a change of the recipient of a payment.</summary>
    public const string RecipientField = "recipient";

    /// <summary>Field name of a change of the validator of an attestation.</summary>
    public const string ValidatorField = "validator";

    /// <summary>Field name of a record missing on chain (<c>only_off_chain</c>) or recorded twice (<c>only_on_chain</c>).</summary>
    public const string RecordField = "record";

    /// <summary>The off-chain row as <c>file:row</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Location => $"{File}:{Row.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
