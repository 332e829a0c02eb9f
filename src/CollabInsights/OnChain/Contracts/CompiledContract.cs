using System.Text.Json;

using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Contracts;

/// <summary>A contract compiled by the build (src/contracts, npm solc): its ABI (Nethereum's <see cref="ContractABI"/>) and creation bytecode, embedded in the library.</summary>
public sealed record CompiledContract(string Name, ContractABI Abi, byte[] Bytecode, string Compiler)
{
    private static readonly Lazy<ContractABI> LedgerAndTokenAbi = new(() => CollabInsights.OnChain.Abi.AbiJson.Combine(OutcomeLedger.Abi, OutcomeToken.Abi));
    private static readonly Lazy<IReadOnlyList<ErrorABI>> KitErrors = new(() =>
        [.. new[] { "OutcomeLedger", "OutcomeToken", "DatasetProofVerifier" }.SelectMany(n => Load(n).Abi.Errors ?? [])]);

    /// <summary>The outcome ledger.</summary>
    public static CompiledContract OutcomeLedger => Load("OutcomeLedger");

    /// <summary>The 6-decimal ERC-20 stablecoin used for outcome payments.</summary>
    public static CompiledContract OutcomeToken => Load("OutcomeToken");

    /// <summary>The ledger's and the token's ABI together: decodes every event a ledger transaction can produce.</summary>
    public static ContractABI LedgerAndToken => LedgerAndTokenAbi.Value;

    /// <summary>The custom errors of every contract the kit compiles (ledger, token, proof verifier), for decoding revert data.</summary>
    public static IReadOnlyList<ErrorABI> Errors => KitErrors.Value;

    /// <summary>The creation bytecode as <c>0x</c>-hex (what a Nethereum deployment message takes).</summary>
    public string BytecodeHex => Bytecode.ToHex(true);

    /// <summary>The ABI JSON of the contract as the compiler wrote it (for <c>chain extract --abi</c> or other tools).</summary>
    public string AbiJson { get; init; } = "[]";

    /// <summary>Loads an embedded artifact by contract name.</summary>
    public static CompiledContract Load(string name)
    {
        var resource = $"CollabInsights.Contracts.{name}.json";
        using var stream = typeof(CompiledContract).Assembly.GetManifestResourceStream(resource)
            ?? throw new CollabInsightsException($"The compiled contract {name} is not embedded in the library. Rebuild after scripts/bootstrap.sh (the build compiles src/contracts with npm solc).");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new CompiledContract(
            name,
            CollabInsights.OnChain.Abi.AbiJson.Parse(root.GetProperty("abi").GetRawText()),
            (root.GetProperty("bytecode").GetString()!).HexToByteArray(),
            root.GetProperty("compiler").GetString() ?? "solc")
        {
            AbiJson = root.GetProperty("abi").GetRawText(),
        };
    }
}
