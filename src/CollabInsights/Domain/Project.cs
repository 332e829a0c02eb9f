namespace CollabInsights.Domain;

/// <summary>
/// An impact bond or other outcomes contract (INDIGO <c>projects.csv</c>). Money fields are in the
/// project's own currency; the <c>Usd</c> fields are INDIGO's conversion, often empty.
/// </summary>
public sealed record Project(
    string Id,
    string Name,
    string? Stage,
    string? Country,
    string? PolicySector,
    PartialDate? OutcomesContractSigned,
    PartialDate? ServiceStart,
    PartialDate? ServiceEnd,
    Money? MaxOutcomePayment,
    decimal? MaxOutcomePaymentUsd,
    Money? TotalInvestment,
    decimal? TotalInvestmentUsd,
    int? TargetedServiceUsers,
    int? ActualServiceUsers,
    Provenance Provenance);
