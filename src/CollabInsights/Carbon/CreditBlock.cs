using CollabInsights.Domain;

namespace CollabInsights.Carbon;

/// <summary>
/// One row of a registry's credit records: a block of <paramref name="Quantity"/> credits of a project
/// in a <paramref name="Status"/>, with its <paramref name="Serial"/> range where the registry publishes one
/// (Isometric does not), and for retirements the date, account holder, beneficiary, reason and details.
/// </summary>
public sealed record CreditBlock(
    string Registry,
    string ProjectId,
    CreditStatus Status,
    int? Vintage,
    decimal Quantity,
    SerialRange? Serial,
    DateOnly? Date,
    string? Account,
    string? Beneficiary,
    string? Reason,
    string? Details,
    FileProvenance Provenance)
{
    /// <summary>The registry that issued the credits: <see cref="Registry"/>, or for CAD Trust units the project's registry of origin when known.</summary>
    public string OriginRegistry { get; init; } = Registry;

    /// <summary>True for retired and cancelled blocks: serials out of circulation.</summary>
    public bool IsRetiredOrCancelled => Status is CreditStatus.Retired or CreditStatus.Cancelled;
}
