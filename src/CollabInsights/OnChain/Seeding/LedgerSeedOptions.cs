namespace CollabInsights.OnChain.Seeding;

/// <summary>Options of <see cref="LedgerSeeder"/>.</summary>
public sealed record LedgerSeedOptions
{
    /// <summary>
    /// Private key (hex) of the funded account that deploys the contracts, funds the organisations'
    /// accounts with gas money and mints tokens. Default: Anvil's first dev key.
    /// </summary>
    public string DeployerKey { get; init; } = Anvil.AnvilNode.DevPrivateKeys[0];

    /// <summary>Wei sent to each organisation's account for gas. Default 1 ETH.</summary>
    public System.Numerics.BigInteger GasFunding { get; init; } = System.Numerics.BigInteger.Pow(10, 18);

    /// <summary>
    /// Text mixed into every organisation's derived key, so two seedings can use different accounts.
    /// Keys are Keccak-256("collab-seed:" + salt + ":" + organisation id): test keys, never for real money.
    /// </summary>
    public string KeySalt { get; init; } = "default";

    /// <summary>
    /// Deliberate differences to write on chain instead of the books' values (a generated scenario's
    /// <see cref="Scenarios.ScenarioGroundTruth.ChainDifferences"/>); each names its off-chain row. Default none: the chain holds the books exactly.
    /// </summary>
    public IReadOnlyList<Scenarios.ScenarioChainDifference> Differences { get; init; } = [];
}
