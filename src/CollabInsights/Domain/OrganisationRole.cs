namespace CollabInsights.Domain;

/// <summary>The part an organisation plays in a project.</summary>
public enum OrganisationRole
{
    Unknown,
    Commissioner,
    OutcomePayer,
    Investor,
    Provider,
    Validator,
    Intermediary,
}
