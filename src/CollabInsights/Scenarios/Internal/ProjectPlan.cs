namespace CollabInsights.Scenarios.Internal;

/// <summary>Everything about one generated project decided before its rows are written (all of its set-up's random draws, in order).</summary>
internal sealed record ProjectPlan(
    string ProjectId,
    (string Sector, string Short, (string Definition, int MinPrice, int MaxPrice)[] Metrics) Sector,
    (string Id, string Name, string Currency, string Country) Fund,
    string Commissioner,
    int CurrencyIndex,
    (string Code, string Country, decimal UsdRate) Currency,
    string Provider,
    string Validator,
    string Place,
    DateOnly Signed,
    DateOnly ServiceStart,
    int Quarters,
    DateOnly ServiceEnd,
    double Performance,
    List<(string Id, string Definition, int Target, decimal Price, decimal Cap)> MetricPlans,
    decimal MaxOutcome,
    decimal TotalInvestment,
    List<(string? PayerId, decimal Share)> Funders,
    decimal[] Committed);
