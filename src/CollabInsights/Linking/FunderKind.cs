namespace CollabInsights.Linking;

/// <summary>What kind of funder a linked row is attributed to.</summary>
public enum FunderKind
{
    /// <summary>One organisation named as payer (or as committing organisation).</summary>
    Organisation,

    /// <summary>Several organisations named together in one payer cell (INDIGO writes <c>ORG-A,ORG-B</c>); the row is theirs jointly, never split.</summary>
    JointOrganisations,

    /// <summary>An outcome fund: the row names no organisation and the project belongs to exactly one fund.</summary>
    OutcomeFund,

    /// <summary>The row names no organisation and the project gives no single candidate (see <see cref="FundingLinker"/>).</summary>
    Unattributed,
}
