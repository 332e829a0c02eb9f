namespace CollabInsights.Verification;

/// <summary>How <see cref="DatasetCommitment.BuildAsync"/> turns records into leaves.</summary>
public sealed record DatasetCommitmentOptions
{
    /// <summary>The data controller's pseudonymisation key (HMAC-SHA-256), at least 16 bytes. Required.</summary>
    public required byte[] ControllerKey { get; init; }

    /// <summary>
    /// Columns whose values are replaced by pseudonyms, matched by exact header name in every file. Default (null): the
    /// columns <see cref="DatasetCommitment.IsLikelyIdentifier"/> recognises (patient, person, participant, client,
    /// beneficiary ids, NHS and national insurance numbers, personal names, dates of birth; not a bare <c>name</c>, which in INDIGO names organisations). An empty list pseudonymises nothing.
    /// </summary>
    public IReadOnlyList<string>? IdentifierColumns { get; init; }

    /// <summary>Seed for reproducible salts in demonstrations and tests; default (null) draws every salt from the operating system's cryptographic generator. Never seed salts of real data: a seeded salt can be recomputed.</summary>
    public int? SaltSeed { get; init; }
}
