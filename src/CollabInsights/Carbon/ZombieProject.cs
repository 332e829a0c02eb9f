namespace CollabInsights.Carbon;

/// <summary>
/// One project that bridged credits: tonnes bridged, all tonnes retired, the bridged share rounded to 3 decimals (as CarbonPlan
/// rounds it), days from its last non-bridged retirement to its first bridged one (<see cref="ZombieCredits.NoPriorRetirement"/>
/// when it had none), and whether and why it is a zombie.
/// </summary>
public sealed record ZombieProject(
    string Registry,
    string ProjectId,
    decimal BridgedQuantity,
    decimal RetiredQuantity,
    decimal BridgedFraction,
    int DormancyDays,
    DateOnly FirstBridged,
    bool IsZombie,
    string Reason);
