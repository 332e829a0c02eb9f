using CollabInsights.OnChain.Abi;
using Nethereum.ABI.Model;

namespace CollabInsights.OnChain.Contracts;

/// <summary>
/// ABIs the kit carries, so that <c>collab chain extract --abi NAME</c> needs no file for them:
/// <see cref="OutcomeLedger"/> (the outcome ledger and its token, as deployed by <c>collab chain seed</c>) and
/// <see cref="Erc20"/> (the standard token events, for any ERC-20 such as a stablecoin or a carbon-credit token).
/// </summary>
public static class BuiltInAbis
{
    /// <summary>The outcome ledger's and its token's ABI together (<see cref="CompiledContract.LedgerAndToken"/>).</summary>
    public const string OutcomeLedger = "outcome-ledger";

    /// <summary>The ERC-20 events <c>Transfer(address indexed,address indexed,uint256)</c> and <c>Approval(address indexed,address indexed,uint256)</c>.</summary>
    public const string Erc20 = "erc20";

    // EIP-20's two events, as a compiler writes them in an ABI.
    private const string Erc20Json = """
        [
          {"type":"event","name":"Transfer","anonymous":false,"inputs":[
            {"name":"from","type":"address","indexed":true},
            {"name":"to","type":"address","indexed":true},
            {"name":"value","type":"uint256","indexed":false}]},
          {"type":"event","name":"Approval","anonymous":false,"inputs":[
            {"name":"owner","type":"address","indexed":true},
            {"name":"spender","type":"address","indexed":true},
            {"name":"value","type":"uint256","indexed":false}]}
        ]
        """;

    private static readonly Lazy<ContractABI> Erc20Abi = new(() => AbiJson.Parse(Erc20Json));

    /// <summary>The built-in names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [OutcomeLedger, Erc20];

    /// <summary>The built-in ABI called <paramref name="name"/> (case-insensitive), or null when there is none.</summary>
    public static ContractABI? Find(string name) => name.Trim().ToLowerInvariant() switch
    {
        OutcomeLedger => CompiledContract.LedgerAndToken,
        Erc20 => Erc20Abi.Value,
        _ => null,
    };

    /// <summary>
    /// An ABI from a file path or a built-in name. An existing file wins over a built-in of the same name; when
    /// neither fits, the error names both ways of giving an ABI.
    /// </summary>
    public static ContractABI Resolve(string fileOrName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileOrName);
        if (File.Exists(fileOrName))
        {
            return AbiJson.Load(fileOrName);
        }

        return Find(fileOrName) ?? throw new CollabInsightsException(
            $"'{fileOrName}' is neither an ABI file nor a built-in ABI. Give the path of a Solidity ABI JSON file (an array, or an artifact with an 'abi' key) or one of: {string.Join(", ", Names)}.");
    }
}
