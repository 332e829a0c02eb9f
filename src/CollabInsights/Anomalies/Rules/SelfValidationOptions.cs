namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="SelfValidationRule"/>.</summary>
/// <param name="MatchOrganisationNames">Also compare the validator with the names of the recipient and provider organisations, not only their ids (default true; INDIGO records validators as free text).</param>
public sealed record SelfValidationOptions(bool MatchOrganisationNames = true);
