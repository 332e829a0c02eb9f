namespace CollabInsights.OnChain.Seeding;

/// <summary>Progress of <see cref="LedgerSeeder"/>: the current stage (e.g. "payments") and transactions done out of the planned total.</summary>
public sealed record LedgerSeedProgress(string Stage, int Done, int Total);
