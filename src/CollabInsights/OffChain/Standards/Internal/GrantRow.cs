namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>The fields of one 360Giving grant the kit maps, as text, with the names of the places they were read from (for problems).</summary>
internal sealed record GrantRow(
    int Row,
    string? Id,
    string? Title,
    string? Currency,
    string? AmountAwarded,
    string? AwardDate,
    string? FunderId,
    string? FunderName,
    string? RecipientId,
    string? RecipientName,
    string? AmountDisbursed,
    string? PlannedStart,
    string? PlannedEnd,
    string? CountryCode,
    string? Programme);
