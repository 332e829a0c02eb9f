namespace CollabInsights.OnChain.Anvil;

/// <summary>How to start a local Anvil chain. Defaults: instant mining, chain id 31337, 10 funded dev accounts, 30 s to start.</summary>
public sealed record AnvilOptions
{
    /// <summary>The environment variable that names the anvil executable: <c>COLLAB_ANVIL</c>.</summary>
    public const string ExecutableVariable = "COLLAB_ANVIL";

    /// <summary>The anvil executable; null finds it from <c>COLLAB_ANVIL</c> or the repository's node_modules (npm <c>@foundry-rs/anvil</c>).</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>Seconds between blocks; null mines each transaction at once (instant mining).</summary>
    public TimeSpan? BlockTime { get; init; }

    /// <summary>The chain id. Default 31337.</summary>
    public long ChainId { get; init; } = 31337;

    /// <summary>Funded dev accounts (Anvil's well-known mnemonic). Default 10.</summary>
    public int Accounts { get; init; } = 10;

    /// <summary>Block gas limit; null keeps Anvil's default (30 million).</summary>
    public long? GasLimit { get; init; }

    /// <summary>
    /// How many recent blocks' states Anvil keeps, in memory, for queries at past blocks (<c>--prune-history N</c>);
    /// older states are dropped, as a pruning full node drops them. 0 keeps none (<c>--prune-history</c>): queries at
    /// past blocks fail, and Anvil no longer copies its whole state at every block (the benchmark's setting; writes still
    /// slow as the state grows, 189 to 66 transactions a second from 1e3 to 1e5 records). Default 64. Null keeps Anvil's default, which writes the whole
    /// state of every block beyond its in-memory limit to <c>~/.foundry/anvil/tmp</c>: about 4 MB a block at 50,000
    /// benchmark records, over 100 GB in one 1e5-record run, which slowed writing from 120 to 26 transactions a
    /// second and filled the disk.
    /// </summary>
    public int? StateHistory { get; init; } = 64;

    /// <summary>How long to wait for the node to answer <c>eth_chainId</c>. Default 30 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Further command-line arguments passed to anvil as given.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
