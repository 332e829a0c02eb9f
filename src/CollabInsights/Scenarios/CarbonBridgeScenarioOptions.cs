namespace CollabInsights.Scenarios;

/// <summary>The size and planted differences of a generated bridge scenario (<see cref="CarbonBridgeScenario"/>).</summary>
public sealed record CarbonBridgeScenarioOptions
{
    /// <summary>Random seed: the same seed gives the same files, byte for byte. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Registry retirements tagged for a bridge (half as many untagged retirements and held blocks are added). Default 120.</summary>
    public int BridgedBlocks { get; init; } = 120;

    /// <summary>Share of bridged blocks planted per kind of difference (at least one each; double bridges once per scope). Default 0.03.</summary>
    public double DifferenceRate { get; init; } = 0.03;

    /// <summary>Share of the batches minted normally whose tokens are partly or wholly retired on chain. Default 0.4.</summary>
    public double RetiredShare { get; init; } = 0.4;

    /// <summary>Chain labels; two or more allow double bridges across chains. Default <c>A</c>, <c>B</c>.</summary>
    public IReadOnlyList<string> Chains { get; init; } = ["A", "B"];
}
